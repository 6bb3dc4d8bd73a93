//! The `tigang` command: parses the command line (in `cli`) and hands each subcommand to the
//! library through `run`.

mod batch;
mod cli;
mod config;
mod inputs;
mod lang;
mod report;
mod run;

use clap::FromArgMatches;
use cli::{Cli, ColorArg, Command, LangArg};
use std::io::{self, Write};
use std::process::ExitCode;
use tigang::Lang;

// The pipeline allocates many small strings per line; mimalloc serves them markedly faster than
// the system allocator (measured in benches/corpus_bench.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit statuses, documented once: 0 all good; 1 findings (an error-level finding of `check`);
/// 2 some input could not be read (this wins over 1).
pub mod exit {
    pub const OK: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const INPUT_FAILED: u8 = 2;
}

fn main() -> ExitCode {
    let lang = lang::settle(lang::from_args_or_env(std::env::args_os()));
    let color = ColorArg::from_args(std::env::args_os());
    let matches = match cli::command(lang, color).try_get_matches() {
        Ok(m) => m,
        Err(e) => exit_on_usage_error(e, lang),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => exit_on_usage_error(e, lang),
    };
    let lang = match cli.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => lang,
    };
    let color = cli.color;
    // Every policy is resolved before any work: a usage error stops the run here.
    let result = match cli.command {
        Command::Extract(args) => run::extract(
            config::extract(args, lang).unwrap_or_else(|e| exit_on_usage_error(e, lang)),
            lang,
        ),
        Command::Check(args) => run::check(
            config::check(args, color, lang).unwrap_or_else(|e| exit_on_usage_error(e, lang)),
            lang,
        ),
        // The command tree is built again only for a usage error's usage line.
        Command::Compare(args) => run::compare(
            config::compare(args, color, lang, || cli::command(lang, color))
                .unwrap_or_else(|e| exit_on_usage_error(e, lang)),
            lang,
        ),
        // Both are rendered into memory first: writing them straight to a closed pipe would panic
        // inside clap_complete.
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cli::command(lang, color), "tigang", &mut buf);
            io::stdout()
                .write_all(&buf)
                .map(|()| ExitCode::from(exit::OK))
                .map_err(anyhow::Error::from)
        }
        Command::Man { name, dir } => run::man(cli::command(lang, color), name, dir, lang),
    };
    match result {
        Ok(code) => code,
        // A reader that has seen enough (`| head`) closed the pipe: nothing more to say, to
        // stdout or to stderr.
        Err(err) if is_broken_pipe(&err) => ExitCode::from(exit::OK),
        Err(err) => {
            // Stderr itself may be what failed (2>/dev/full): then the exit status says it.
            let text = tigang::error::without_os_error(&format!("{err:#}"));
            let _ = writeln!(io::stderr().lock(), "tigang: {text}");
            ExitCode::from(exit::INPUT_FAILED)
        }
    }
}

/// Print clap's usage error (in Chinese when asked: clap speaks only English) and exit with its
/// status; help and version requests print and exit 0 as clap does.
fn exit_on_usage_error(e: clap::Error, lang: Lang) -> ! {
    use clap::error::ErrorKind;
    let shown = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang == Lang::En || shown {
        e.exit()
    }
    let _ = writeln!(io::stderr().lock(), "{}", tigang_zh_error(&e));
    std::process::exit(e.exit_code())
}

/// A clap error in Chinese: what is wrong, with the argument and value clap names.
fn tigang_zh_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let get = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    // An error tigang raised itself (not clap) has no context: its text is already Chinese.
    if e.context().next().is_none() {
        let text = e.to_string();
        let first = text.lines().next().unwrap_or_default();
        let msg = first.strip_prefix("error: ").unwrap_or(first);
        return format!("错误：{msg}\n\n更多信息请用 --help。");
    }
    let mut msg = match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            if value.is_empty() {
                format!("{arg} 需要一个值")
            } else if valid.is_empty() {
                format!("{arg} 的值 '{value}' 无效")
            } else {
                format!("{arg} 的值 '{value}' 无效（可选：{valid}）")
            }
        }
        ErrorKind::ValueValidation => {
            let cause = std::error::Error::source(e).map_or(String::new(), |c| c.to_string());
            format!("{arg} 的值 '{value}' 无效：{cause}")
        }
        ErrorKind::UnknownArgument => format!("不认识的参数 '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            format!("不认识的子命令 '{}'", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少子命令（extract、check、compare……）".to_string(),
        ErrorKind::ArgumentConflict => {
            format!("{arg} 不能与 {} 同时使用", get(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues => format!("{arg} 给了多余的值 '{value}'"),
        ErrorKind::NoEquals => format!("{arg} 的值要用 = 连接"),
        _ => e.kind().to_string(),
    };
    for k in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let s = get(k);
        if !s.is_empty() {
            msg += &format!("；是否想用 '{s}'？");
        }
    }
    format!("错误：{msg}\n\n更多信息请用 --help。")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
