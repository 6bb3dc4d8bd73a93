//! The command line as clap reads it (the low-level arguments, resolved into one plain
//! configuration in `config`), and its help in the user's language.

use crate::lang::say;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use tigang::Lang;
use tigang::render::Format;

/// Examples shown at the end of `tigang extract --help` (one per line, as typed).
pub const EXTRACT_EXAMPLES: &str = "\
Examples:
  tigang extract speech.txt
  tigang extract --format json speeches/ > outlines.jsonl
  cat speech.txt | tigang extract --format text
  tigang extract --format html -o pages/ speeches/";

/// Examples shown at the end of `tigang check --help`.
pub const CHECK_EXAMPLES: &str = "\
Examples:
  tigang check draft.txt
  tigang check --lang zh --no-official-order drafts/
  tigang check --format json drafts/ > findings.jsonl";

/// Examples shown at the end of `tigang compare --help`.
pub const COMPARE_EXAMPLES: &str = "\
Examples:
  tigang compare 2023.txt 2024.txt
  tigang compare --format side collection.txt#2 collection.txt#5
  tigang compare --format html a.txt b.txt > diff.html
  tigang compare --all speeches/ --threshold 0.8 --matrix similarity.csv";

/// What `tigang --help` ends with.
pub const TOP_AFTER: &str = "\
Examples:
  tigang extract examples/district_meeting.txt
  tigang check drafts/
  tigang extract --format html -o pages/ speeches/

Exit status: 0 all good, 1 error-level findings (check), 2 some input could not be read.";

/// tigang (提纲): the outline of Chinese speeches and reports, as YAML, JSON, Markdown, text,
/// an HTML page, a Mermaid mindmap or an SVG drawing.
#[derive(Parser, Debug)]
#[command(name = "tigang", version, about, long_about = None, after_long_help = TOP_AFTER)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of help and messages: zh or en.
    ///
    /// The default comes from LC_ALL / LC_MESSAGES / LANG: zh_* gives Chinese.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// When to colour output: auto, always or never.
    ///
    /// auto colours a terminal unless NO_COLOR is set to something or TERM is dumb;
    /// CLICOLOR_FORCE=1 colours even a pipe.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the outline of each input: its speeches and their nested numbered points.
    #[command(after_long_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Check the numbering of each input: gaps, repeats, order, mixed families, announced counts,
    /// punctuation style, skipped levels, empty headings.
    #[command(after_long_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Compare the structure of speeches, two at a time or a whole corpus (--all).
    ///
    /// Two speeches are aligned point by point; --all clusters the speeches built on the same
    /// template. A and B are files (their main speech: the one with the most points), FILE#N (the N-th speech of a file,
    /// counted from 1), or outlines saved by `tigang extract` as .yaml or .json.
    #[command(after_long_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_long_help = "\
Example:
  mkdir -p ~/.local/share/bash-completion/completions
  tigang completions bash > ~/.local/share/bash-completion/completions/tigang")]
    Completions {
        /// Which shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff), or write all of them to a folder with --dir.
    #[command(after_long_help = "\
Examples:
  tigang man | man -l -
  tigang man extract | man -l -
  mkdir -p ~/.local/share/man/man1 && tigang man --dir ~/.local/share/man/man1")]
    Man {
        /// The subcommand whose page to print (extract, check, compare, completions, man); none
        /// prints the page of tigang itself.
        #[arg(value_name = "COMMAND")]
        name: Option<String>,
        /// Write the pages of tigang and of every subcommand (tigang.1, tigang-extract.1, …) into
        /// DIR, created if missing.
        #[arg(long, value_name = "DIR", conflicts_with = "name")]
        dir: Option<PathBuf>,
    },
}

/// `--color`: when to colour, as ripgrep has it.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// Whether to colour a stream that is a terminal (`tty`) or not. `auto` follows the
    /// conventions of no-color.org and bixense.com/clicolors: NO_COLOR set to anything but the
    /// empty string turns colour off, CLICOLOR_FORCE set to anything but 0 turns it on, and a dumb
    /// terminal gets none.
    pub fn wanted(self, tty: bool) -> bool {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                if var("NO_COLOR").is_some() {
                    false
                } else if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                    true
                } else if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
                    false
                } else {
                    tty
                }
            }
        }
    }

    /// `--color` as given on the command line before clap parses it (clap's own help and
    /// errors are coloured by it too); `auto` when absent or unreadable.
    pub fn from_args<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> ColorArg {
        let args: Vec<String> = args
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let mut choice = ColorArg::Auto;
        for (i, a) in args.iter().enumerate() {
            let value = match a.strip_prefix("--color=") {
                Some(v) => Some(v),
                None if a == "--color" => args.get(i + 1).map(String::as_str),
                None => None,
            };
            if let Some(v) = value.and_then(|v| ColorArg::from_str(v, false).ok()) {
                choice = v;
            }
        }
        choice
    }
}

/// How inputs are read: options extract, check and compare share.
#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// In folders, read only the files matching GLOB (gitignore syntax, any case; `!GLOB` leaves
    /// files out; repeat for more). Example: --glob '*.docx' --glob '!*草稿*'
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Decode inputs with this encoding instead of detecting it. Example: --encoding gbk
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Keep pinyin that scraping sites insert after characters, such as 挑戰(zhàn).
    #[arg(long)]
    pub keep_pinyin: bool,
    /// Work on N files at once (default: all cores). Output stays in input order.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar and no notes beside the output (the summary line; which speech of a file
    /// compare took).
    #[arg(short, long)]
    pub quiet: bool,
    /// Refuse inputs larger than SIZE.
    ///
    /// SIZE is bytes, or with K, M, G: 500K, 1G.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_size: u64,
}

/// A size in bytes, or in KiB, MiB, GiB with a K, M or G after it (`256M`).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 10),
        Some((i, 'M' | 'm')) => (&t[..i], 20),
        Some((i, 'G' | 'g')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| {
            say(
                format!("{text:?} is not a size (e.g. 1000000, 500K, 256M, 1G)"),
                format!("{text:?} 不是大小（如 1000000、500K、256M、1G）"),
            )
        })
}

/// What extract and check read, and how their numbering is checked.
#[derive(clap::Args, Debug)]
pub struct SpeechArgs {
    /// Files (.txt, .docx, .html, .pdf) or folders (every such file under them, in sorted order,
    /// hidden and .gitignore'd files left out); `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Do not warn when a level of the official order 一、 > （一） > 1. > （1） > ① is skipped.
    #[arg(long)]
    pub no_official_order: bool,
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: SpeechArgs,
    /// Output format.
    ///
    /// yaml (one document per input), json (one object per input per line), markdown (nested
    /// list), text (indented tree), html (a page with a collapsible tree), mermaid (mindmap),
    /// svg (a drawing of the tree). html, svg and mermaid hold one input each: give -o DIR for
    /// several. csv, tsv (one row per point with its path, depth, breadcrumb and the byte and
    /// character offsets of its section; one header for all inputs) and jsonl-rows (the same
    /// rows as JSON Lines). chunks: passages for retrieval as JSON Lines, each with the headings
    /// above it, the speech's header and its offsets, at most --max-chars long.
    #[arg(short, long, value_enum, default_value_t = FormatArg::YAML)]
    pub format: FormatArg,
    /// Write one output file per input into DIR instead of standard output.
    ///
    /// DIR is created if missing and mirrors the input folders. Example: -o outlines/
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Add each heading's whole paragraph as `body`.
    #[arg(long)]
    pub body: bool,
    /// With --format chunks: the most characters a passage holds.
    ///
    /// Passages are cut at sentence ends (inside a sentence only when it alone is longer) and
    /// never run across two sections.
    #[arg(long, value_name = "N", default_value_t = tigang::render::chunks::DEFAULT_MAX_CHARS,
          value_parser = parse_max_chars)]
    pub max_chars: usize,
    /// With -o: leave inputs whose output file already exists (to continue an interrupted run).
    #[arg(long, requires = "output")]
    pub skip_existing: bool,
    /// Also list the points a paragraph runs in (一是…二是…) as children.
    ///
    /// They are marked `inline: true`: 二要抓落实。一是知责。二是履责。 Off by default: the default
    /// outline is the headings that open lines.
    #[arg(long)]
    pub inline: bool,
    /// Show why each heading stands where it does.
    ///
    /// Its move (continue_list, child_list, beside, …), the evidence for it with its weights, and
    /// its margin over the best other place. In text output one line under each heading; in JSON
    /// and YAML a `why` field.
    #[arg(long)]
    pub explain: bool,
    /// Change one weight of the nesting table (repeat for more).
    ///
    /// Example: --weight parent_title_only=50. For trying out the table; the names are those
    /// `--explain` prints.
    #[arg(long, value_name = "NAME=VALUE", value_parser = parse_weight)]
    pub weight: Vec<(tigang::nest::Evidence, f32)>,
}

/// A positive count of characters for `--max-chars`.
fn parse_max_chars(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(say(
            format!("{s:?} is not a positive number of characters (e.g. 800)"),
            format!("{s:?} 不是正的字数（如 800）"),
        )),
    }
}

/// `name=value` for `--weight`.
fn parse_weight(s: &str) -> Result<(tigang::nest::Evidence, f32), String> {
    let (name, value) = s.split_once('=').ok_or_else(|| {
        say(
            format!("expected NAME=VALUE, got {s:?}"),
            format!("应为 名称=值，得到 {s:?}"),
        )
    })?;
    let evidence = tigang::nest::Evidence::from_name(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = tigang::nest::Evidence::ALL
            .iter()
            .map(|e| e.name())
            .collect();
        say(
            format!(
                "no evidence named {name:?}; the names are: {}",
                names.join(", ")
            ),
            format!("没有名为 {name:?} 的依据；可用：{}", names.join("、")),
        )
    })?;
    let value: f32 = value.trim().parse().map_err(|_| {
        say(
            format!("{value:?} is not a number"),
            format!("{value:?} 不是数"),
        )
    })?;
    if !value.is_finite() {
        return Err(say(
            format!("{value} is not a finite number"),
            format!("{value} 不是有限的数"),
        ));
    }
    Ok((evidence, value))
}

/// A similarity for `--threshold`: a number from 0 to 1.
fn parse_similarity(s: &str) -> Result<f64, String> {
    let x: f64 = s
        .trim()
        .parse()
        .map_err(|_| say(format!("{s:?} is not a number"), format!("{s:?} 不是数")))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(say(
            format!("{s} is not a similarity: give a number from 0 to 1 (e.g. 0.8)"),
            format!("{s} 不是相似度：请给 0 到 1 之间的数（如 0.8）"),
        ))
    }
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: SpeechArgs,
    /// Output format.
    ///
    /// human: rustc-style reports on stderr; json: one finding per line on stdout.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Two speeches (A B), or with --all any number of files and folders.
    #[arg(required = true, value_name = "SPEECH")]
    pub speeches: Vec<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Compare every speech under the paths with every other, and print clusters.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    ///
    /// yaml, json, side (two speeches side by side for the terminal), or html (a page with the
    /// two outlines side by side, changes coloured). With --all: yaml or json.
    #[arg(short, long, value_enum, default_value_t = CompareFormat::Yaml)]
    pub format: CompareFormat,
    /// With --all: the similarity (0 to 1) at which two speeches count as copies.
    #[arg(long, default_value_t = 0.8, value_name = "X", value_parser = parse_similarity,
          requires = "all")]
    pub threshold: f64,
    /// With --all: the structure similarity (0 to 1, the share of points aligned by content
    /// under aligned parents) at which two speeches count as one template family.
    #[arg(long, default_value_t = tigang::compare::corpus::FAMILY_THRESHOLD, value_name = "X",
          value_parser = parse_similarity, requires = "all")]
    pub family_threshold: f64,
    /// With --all: also write the topic table of each family as CSV to FILE: a row per aligned
    /// point, a column per speech, each cell the point's marker and title. Example: --points t.csv
    #[arg(long, value_name = "FILE", requires = "all")]
    pub points: Option<PathBuf>,
    /// With --all: also write the similarity matrix as CSV to FILE. Example: --matrix sim.csv
    #[arg(long, value_name = "FILE", requires = "all")]
    pub matrix: Option<PathBuf>,
    /// Width of the side-by-side view in columns (default: the terminal's, or 120).
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub width: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareFormat {
    Yaml,
    Json,
    Side,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum CheckFormat {
    Human,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    En,
    Zh,
}

/// `--format` of extract: the library's [`Format`]s under their own names (no second list of
/// them here).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatArg(pub Format);

impl FormatArg {
    /// The YAML default.
    pub const YAML: FormatArg = FormatArg(Format::Yaml);
    const ALL: [FormatArg; Format::ALL.len()] = {
        let mut all = [FormatArg(Format::Yaml); Format::ALL.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = FormatArg(Format::ALL[i]);
            i += 1;
        }
        all
    };
}

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()))
    }
}

/// The command tree with help in the user's language, coloured as `--color` says.
pub fn command(lang: Lang, color: ColorArg) -> clap::Command {
    let cmd = Cli::command().color(match color {
        ColorArg::Auto if !color.wanted(io::stdout().is_terminal()) => clap::ColorChoice::Never,
        ColorArg::Auto => clap::ColorChoice::Auto,
        ColorArg::Always => clap::ColorChoice::Always,
        ColorArg::Never => clap::ColorChoice::Never,
    });
    match lang {
        Lang::En => cmd,
        Lang::Zh => chinese(cmd),
    }
}

/// The help of the tree in Chinese: our texts from [`crate::lang::HELP_ZH`], then clap's own
/// strings (headings, the help and version flags, the `help` subcommand, possible and default
/// values), which exist only once the tree is built.
fn chinese(mut cmd: clap::Command) -> clap::Command {
    for &(sub, arg, text) in crate::lang::HELP_ZH {
        let apply = |c: clap::Command| -> clap::Command {
            match arg {
                "" => c.about(text).long_about(None),
                "@long" => c.long_about(text),
                "@after" => c.after_long_help(text),
                _ if c.get_arguments().any(|a| a.get_id() == arg) => {
                    c.mut_arg(arg, |a| a.help(text).long_help(None))
                }
                _ => c,
            }
        };
        cmd = if sub.is_empty() {
            apply(cmd)
        } else if sub == "*" {
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            names
                .iter()
                .fold(cmd, |cmd, name| cmd.mut_subcommand(name, apply))
        } else if cmd.find_subcommand(sub).is_some() {
            cmd.mut_subcommand(sub, apply)
        } else {
            cmd
        };
    }
    cmd.build();
    clap_strings_zh(cmd)
}

/// clap's own strings in Chinese, on `c` and every subcommand under it (built already).
fn clap_strings_zh(mut c: clap::Command) -> clap::Command {
    c = c.subcommand_value_name("命令");
    // clap writes [OPTIONS] into the usage line itself.
    let usage = c.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", "[选项]");
    c = c
        .override_usage(usage)
        .help_template(
            "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}\n",
        )
        .subcommand_help_heading("命令");
    let has_long = c.get_long_about().is_some()
        || c.get_after_long_help().is_some()
        || c.get_arguments().any(|a| a.get_long_help().is_some());
    let ids: Vec<clap::Id> = c.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        c = c.mut_arg(id, |a| {
            let mut help = match a.get_id().as_str() {
                "help" if has_long => "打印帮助（--help 显示更多）".to_string(),
                "help" => "打印帮助".to_string(),
                "version" => "打印版本".to_string(),
                _ => a.get_help().map(|h| h.to_string()).unwrap_or_default(),
            };
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
            if takes_value && !values.is_empty() && !a.is_hide_possible_values_set() {
                help += &format!("［可选：{}］", values.join("、"));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if takes_value && !defaults.is_empty() && !a.is_hide_default_value_set() {
                help += &format!("［默认：{}］", defaults.join("、"));
            }
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            a.help(help)
                .long_help(None)
                .hide_possible_values(true)
                .hide_default_value(true)
                .help_heading(heading)
        });
    }
    let subs: Vec<String> = c
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        c = c.mut_subcommand(name.as_str(), |s| {
            let s = if name == "help" {
                s.about("打印本帮助，或所给子命令的帮助")
            } else {
                s
            };
            clap_strings_zh(s)
        });
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes_read_with_their_unit() {
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
