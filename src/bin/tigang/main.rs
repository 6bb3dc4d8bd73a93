//! The `tigang` command: parses the command line (in `cli`) and hands each subcommand to the
//! library through `run`.

mod cli;
mod run;

use clap::FromArgMatches;
use cli::{Cli, Command, LangArg};
use std::io::{self, Write};
use std::process::ExitCode;
use tigang::report::Lang;

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
    let lang = Lang::from_args_or_env(std::env::args_os());
    let cli = match Cli::from_arg_matches(&cli::command(lang).get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let lang = match cli.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => lang,
    };
    let result = match cli.command {
        Command::Extract(args) => run::extract(args, lang),
        Command::Check(args) => run::check(args, lang),
        Command::Compare(args) => run::compare(args, lang),
        // Both are rendered into memory first: writing them straight to a closed pipe would panic
        // inside clap_complete.
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cli::command(lang), "tigang", &mut buf);
            io::stdout()
                .write_all(&buf)
                .map(|()| ExitCode::from(exit::OK))
                .map_err(anyhow::Error::from)
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(cli::command(lang))
                .render(&mut buf)
                .and_then(|()| io::stdout().write_all(&buf))
                .map(|()| ExitCode::from(exit::OK))
                .map_err(anyhow::Error::from)
        }
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

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
