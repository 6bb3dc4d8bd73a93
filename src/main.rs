//! The `tigang` command: wires the command line to the library.

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tigang::inputs::{self, Input};
use tigang::render::{self, Format};

/// Exit statuses, documented once: 0 all good; 1 findings (check and compare); 2 some input failed.
mod exit {
    pub const OK: u8 = 0;
    pub const INPUT_FAILED: u8 = 2;
}

/// tigang (提纲): the outline of Chinese speeches and reports, as YAML, JSON, Markdown or text.
///
/// Example: tigang extract examples/district_meeting.txt
#[derive(Parser, Debug)]
#[command(name = "tigang", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the outline of each input: its speeches and their nested numbered points.
    ///
    /// Examples:
    ///   tigang extract speech.txt
    ///   tigang extract --format json speeches/ > outlines.jsonl
    ///   cat speech.txt | tigang extract --format text
    ///   tigang extract -o outlines/ speeches/
    Extract(ExtractArgs),
}

#[derive(clap::Args, Debug)]
struct ExtractArgs {
    /// Files or folders (all *.txt under them, in sorted order); `-` or nothing reads standard input.
    paths: Vec<PathBuf>,
    /// Output format: yaml (one document per input), json (one object per input per line),
    /// markdown (nested list), text (indented tree).
    #[arg(short, long, value_enum, default_value_t = FormatArg::Yaml)]
    format: FormatArg,
    /// Write one output file per input into DIR (created if missing) instead of standard output.
    /// Example: -o outlines/
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Add each heading's whole paragraph as `body`.
    #[arg(long)]
    body: bool,
    /// Decode inputs with this encoding instead of detecting it. Example: --encoding gbk
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Keep pinyin that scraping sites insert after characters, such as 挑戰(zhàn).
    #[arg(long)]
    keep_pinyin: bool,
    /// Also list the points a paragraph runs in (二要抓落实。一是知责。二是履责。) as children marked
    /// `inline: true`. Off by default: the default outline is the headings that open lines.
    #[arg(long)]
    inline: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Yaml,
    Json,
    Markdown,
    Text,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Yaml => Format::Yaml,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Text => Format::Text,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::from(exit::OK),
        Err(err) => {
            eprintln!("tigang: {err:#}");
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

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract(args),
    }
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let opts = tigang::Options {
        encoding: args.encoding.clone(),
        keep_pinyin: args.keep_pinyin,
        body: args.body,
        inline: args.inline,
    };
    let format = Format::from(args.format);
    let (inputs, unlisted) = inputs::expand(&args.paths);
    let mut failed = !unlisted.is_empty();
    for (path, e) in unlisted {
        eprintln!("tigang: {}: {e}", path.display());
    }
    if let Some(dir) = &args.output {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output folder {}", dir.display()))?;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for input in &inputs {
        let name = input.name();
        let extracted = match input
            .read()
            .map_err(tigang::Error::from)
            .and_then(|b| tigang::extract(&b, &name, &opts))
        {
            Ok(x) => x,
            Err(e) => {
                eprintln!("tigang: {name}: {e}");
                failed = true;
                continue;
            }
        };
        for w in &extracted.warnings {
            eprintln!("tigang: {name}: warning: {w}");
        }
        match &args.output {
            None => render::render(&extracted.document, format, &mut out)?,
            Some(dir) => {
                let path = inputs::output_path(dir, input, format.extension());
                if let Input::File(src) = input
                    && same_file(src, &path)
                {
                    eprintln!(
                        "tigang: {name}: refusing to write {} over an input",
                        path.display()
                    );
                    failed = true;
                    continue;
                }
                let mut buf = Vec::new();
                render::render(&extracted.document, format, &mut buf)?;
                if let Err(e) = inputs::write_atomically(&path, &buf) {
                    eprintln!("tigang: {}: cannot write: {e}", path.display());
                    failed = true;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::from(if failed {
        exit::INPUT_FAILED
    } else {
        exit::OK
    }))
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
