//! Every policy of the command line, resolved once into one plain configuration before any work
//! (ripgrep's low-args → high-args): which options a format implies, whether output is coloured,
//! whether a progress bar shows, the terminal's width, the folder walk. The environment is read
//! here, by `lang` (the language) and by `cli::ColorArg` (NO_COLOR, CLICOLOR_FORCE, TERM), which
//! clap's own help needs before this runs; never while the work runs. An illegal pair of options
//! is a usage error like clap's own.

use crate::cli::{
    CheckArgs, CheckFormat, ColorArg, CompareArgs, CompareFormat, ExtractArgs, ReadArgs,
};
use crate::inputs::Walk;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use tigang::Lang;
use tigang::check::CheckOptions;
use tigang::render::{Format, RenderOptions};

/// How the inputs of a run are found and read.
#[derive(Debug)]
pub struct Read {
    /// The paths named (files, folders, `-`); empty reads standard input.
    pub paths: Vec<PathBuf>,
    /// Which files of a folder are read (`--glob`).
    pub walk: Walk,
    /// What the library is asked for each input (the source name is set per input).
    pub options: tigang::Options,
    /// Threads working on inputs.
    pub jobs: usize,
    /// The largest input read, in bytes.
    pub max_size: u64,
    /// Whether tigang says what it did beside the output: the summary line of a run over
    /// several inputs, which speech of a file `compare` took. Off with --quiet.
    pub notes: bool,
    /// Whether a progress bar may show (stderr is a terminal, not CI, not --quiet).
    pub progress: bool,
}

/// `tigang extract`, resolved.
#[derive(Debug)]
pub struct Extract {
    pub read: Read,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub skip_existing: bool,
    pub render: RenderOptions,
}

/// `tigang check`, resolved.
#[derive(Debug)]
pub struct Check {
    pub read: Read,
    pub format: CheckFormat,
    /// Whether the human report on stderr is coloured.
    pub color: bool,
}

/// How two speeches compared are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairView {
    Yaml,
    Json,
    /// Side by side for the terminal, this wide, coloured or not.
    Side {
        width: usize,
        color: bool,
    },
    Html,
}

/// `tigang compare`, resolved: two speeches or a corpus.
#[derive(Debug)]
pub enum Compare {
    Pair {
        a: String,
        b: String,
        read: Read,
        view: PairView,
    },
    Corpus {
        read: Read,
        threshold: f64,
        family_threshold: f64,
        points: Option<PathBuf>,
        matrix: Option<PathBuf>,
        /// JSON (one line) rather than YAML.
        json: bool,
    },
}

fn read(
    args: ReadArgs,
    paths: Vec<PathBuf>,
    official_order: bool,
    lang: Lang,
) -> Result<Read, clap::Error> {
    let walk = Walk::with_globs(&args.glob).map_err(|e| {
        let text = match lang {
            Lang::En => e.to_string(),
            Lang::Zh => format!("--glob 的值 {:?} 不是 glob（{}）", e.glob, e.why),
        };
        clap::Error::raw(clap::error::ErrorKind::ValueValidation, text + "\n")
    })?;
    let progress = !args.quiet && io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    Ok(Read {
        paths,
        walk,
        options: tigang::Options {
            encoding: args.encoding,
            keep_pinyin: args.keep_pinyin,
            check: CheckOptions { official_order },
            ..tigang::Options::default()
        },
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        max_size: args.max_size,
        notes: !args.quiet,
        progress,
    })
}

/// What extract and check read.
fn speech_read(args: crate::cli::SpeechArgs, lang: Lang) -> Result<Read, clap::Error> {
    read(args.read, args.paths, !args.no_official_order, lang)
}

/// `extract`'s policies: the HTML page shows each heading's paragraph on a click, so it always
/// carries bodies (the outline it renders; the rows' --body column stays as asked).
pub fn extract(args: ExtractArgs, lang: Lang) -> Result<Extract, clap::Error> {
    let mut read = speech_read(args.input, lang)?;
    read.options.body = args.body || args.format.0 == Format::Html;
    read.options.inline = args.inline;
    read.options.explain = args.explain;
    read.options.weights = (!args.weight.is_empty()).then(|| {
        let mut w = tigang::nest::Weights::default();
        for &(e, v) in &args.weight {
            w.set(e, v);
        }
        w
    });
    Ok(Extract {
        read,
        format: args.format.0,
        output: args.output,
        skip_existing: args.skip_existing,
        render: RenderOptions {
            body: args.body,
            header: false,
            max_chars: args.max_chars,
        },
    })
}

/// `check`'s policies: the human report goes to stderr, coloured as `--color` says for it.
pub fn check(args: CheckArgs, color: ColorArg, lang: Lang) -> Result<Check, clap::Error> {
    Ok(Check {
        read: speech_read(args.input, lang)?,
        format: args.format,
        color: color.wanted(io::stderr().is_terminal()),
    })
}

/// `compare`'s policies: a corpus is shown as YAML or JSON only (a side-by-side view or a page
/// holds two speeches); two speeches take exactly two names.
pub fn compare(
    args: CompareArgs,
    color: ColorArg,
    lang: Lang,
    cmd: impl Fn() -> clap::Command,
) -> Result<Compare, clap::Error> {
    if args.all {
        if matches!(args.format, CompareFormat::Side | CompareFormat::Html) {
            let name = if args.format == CompareFormat::Side {
                "side"
            } else {
                "html"
            };
            return Err(conflict(&cmd(), &format!("--format {name}"), "--all"));
        }
        let paths = args.speeches.iter().map(PathBuf::from).collect();
        return Ok(Compare::Corpus {
            read: read(args.read, paths, true, lang)?,
            threshold: args.threshold,
            family_threshold: args.family_threshold,
            points: args.points,
            matrix: args.matrix,
            json: args.format == CompareFormat::Json,
        });
    }
    let [a, b] = <[String; 2]>::try_from(args.speeches)
        .map_err(|given| not_two(&cmd(), given.len(), lang))?;
    let view = match args.format {
        CompareFormat::Yaml => PairView::Yaml,
        CompareFormat::Json => PairView::Json,
        CompareFormat::Html => PairView::Html,
        CompareFormat::Side => PairView::Side {
            width: args.width.or_else(terminal_width).unwrap_or(120),
            color: color.wanted(io::stdout().is_terminal()),
        },
    };
    Ok(Compare::Pair {
        a,
        b,
        read: read(args.read, Vec::new(), true, lang)?,
        view,
    })
}

/// The terminal's width from $COLUMNS, when set.
fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}

/// `compare`'s subcommand, built, for usage errors to show its usage line.
fn compare_command(cmd: &clap::Command) -> clap::Command {
    let mut cmd = cmd.clone();
    cmd.build();
    cmd.find_subcommand("compare").cloned().unwrap_or(cmd)
}

/// `found` cannot be used with `with`: clap's conflict error, shown with compare's usage.
fn conflict(cmd: &clap::Command, found: &str, with: &str) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let mut compare = compare_command(cmd);
    let mut e = clap::Error::new(ErrorKind::ArgumentConflict).with_cmd(&compare);
    e.insert(ContextKind::InvalidArg, ContextValue::String(found.into()));
    e.insert(ContextKind::PriorArg, ContextValue::String(with.into()));
    e.insert(
        ContextKind::Usage,
        ContextValue::StyledStr(compare.render_usage()),
    );
    e
}

/// Two speeches are compared, or a corpus with --all: `given` names were given without --all.
fn not_two(cmd: &clap::Command, given: usize, lang: Lang) -> clap::Error {
    let text = match lang {
        Lang::En => format!(
            "compare takes two speeches (A B), or --all with paths; {} given",
            if given == 1 { "1 was" } else { "more were" }
        ),
        Lang::Zh => format!("compare 需要两篇讲话（A B），或用 --all 给出路径；给了 {given} 个"),
    };
    let mut compare = compare_command(cmd);
    let usage = compare.render_usage();
    clap::Error::raw(
        clap::error::ErrorKind::WrongNumberOfValues,
        format!("{text}\n\n{usage}\n"),
    )
    .with_cmd(&compare)
}
