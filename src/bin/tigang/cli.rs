//! The command line: clap's view of it (turned into library options in `options`), and its help
//! in the user's language.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use tigang::check::CheckOptions;
use tigang::render::Format;
use tigang::report::Lang;

/// tigang (提纲): the outline of Chinese speeches and reports, as YAML, JSON, Markdown or text.
///
/// Example: tigang extract examples/district_meeting.txt
///
/// Exit status: 0 all good, 1 error-level findings (check), 2 some input could not be read.
#[derive(Parser, Debug)]
#[command(name = "tigang", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of help and messages: zh or en (default from LC_ALL / LANG: zh_* gives Chinese).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the outline of each input: its speeches and their nested numbered points.
    ///
    /// Examples:
    ///   tigang extract speech.txt
    ///   tigang extract --format json speeches/ > outlines.jsonl
    ///   cat speech.txt | tigang extract --format text
    ///   tigang extract -o outlines/ speeches/
    Extract(ExtractArgs),
    /// Check the numbering of each input: gaps, repeats, order, mixed families, announced counts,
    /// punctuation style, skipped levels, empty headings.
    ///
    /// Examples:
    ///   tigang check draft.txt
    ///   tigang check --lang zh --no-official-order drafts/
    ///   tigang check --format json drafts/ > findings.jsonl
    Check(CheckArgs),
    /// Compare the structure of speeches: two at a time (aligned point by point), or a whole
    /// corpus (--all: clusters of speeches built on the same template).
    ///
    /// A and B are files (their first speech), FILE#N (the N-th speech of a file), or outlines
    /// saved by `tigang extract` as .yaml or .json.
    ///
    /// Examples:
    ///   tigang compare 2023.txt 2024.txt
    ///   tigang compare --format side collection.txt#2 collection.txt#5
    ///   tigang compare --all speeches/ --threshold 0.8 --matrix similarity.csv
    Compare(CompareArgs),
    /// Print a shell completion script. Example: tigang completions bash > ~/.local/share/bash-completion/completions/tigang
    Completions {
        /// Which shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff). Example: tigang man > ~/.local/share/man/man1/tigang.1
    Man,
}

/// Options every command that reads speeches shares.
#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// Files or folders (all *.txt under them, in sorted order); `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Decode inputs with this encoding instead of detecting it. Example: --encoding gbk
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Keep pinyin that scraping sites insert after characters, such as 挑戰(zhàn).
    #[arg(long)]
    pub keep_pinyin: bool,
    /// Do not warn when a level of the official order 一、 > （一） > 1. > （1） > ① is skipped.
    #[arg(long)]
    pub no_official_order: bool,
    /// Work on N files at once (default: all cores). Output stays in input order.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Refuse inputs larger than SIZE (bytes, or with K, M, G: 500K, 1G). Default 256M.
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
        .ok_or_else(|| format!("{text:?} is not a size (e.g. 1000000, 500K, 256M, 1G)"))
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format: yaml (one document per input), json (one object per input per line),
    /// markdown (nested list), text (indented tree), html (a page with a collapsible tree),
    /// mermaid (mindmap), svg (a drawing of the tree). Use -o DIR for html and svg: one file each.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Yaml)]
    pub format: FormatArg,
    /// Write one output file per input into DIR (created if missing) instead of standard output.
    /// Example: -o outlines/
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Add each heading's whole paragraph as `body`.
    #[arg(long)]
    pub body: bool,
    /// With -o: leave inputs whose output file already exists (to continue an interrupted run).
    #[arg(long, requires = "output")]
    pub skip_existing: bool,
    /// Also list the points a paragraph runs in (二要抓落实。一是知责。二是履责。) as children marked
    /// `inline: true`. Off by default: the default outline is the headings that open lines.
    #[arg(long)]
    pub inline: bool,
    /// Show why each heading stands where it does: its move (continue_list, child_list, beside,
    /// …), the evidence for it with its weights, and its margin over the best other place. In
    /// text output one line under each heading; in JSON and YAML a `why` field.
    #[arg(long)]
    pub explain: bool,
    /// Change one weight of the nesting table, e.g. `--weight parent_title_only=50` (repeat for
    /// more). For trying out the table; the names are those `--explain` prints.
    #[arg(long, value_name = "NAME=VALUE", value_parser = parse_weight)]
    pub weight: Vec<(tigang::nest::Evidence, f32)>,
}

/// `name=value` for `--weight`.
fn parse_weight(s: &str) -> Result<(tigang::nest::Evidence, f32), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))?;
    let evidence = tigang::nest::Evidence::from_name(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = tigang::nest::Evidence::ALL
            .iter()
            .map(|e| e.name())
            .collect();
        format!(
            "no evidence named {name:?}; the names are: {}",
            names.join(", ")
        )
    })?;
    let value: f32 = value
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a number"))?;
    if !value.is_finite() {
        return Err(format!("{value} is not a finite number"));
    }
    Ok((evidence, value))
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// human: rustc-style reports on stderr; json: one finding per line on stdout.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Two speeches (A B), or with --all any number of files and folders.
    #[arg(required = true, value_name = "SPEECH")]
    pub speeches: Vec<String>,
    /// Compare every speech under the paths with every other, and print clusters.
    #[arg(long)]
    pub all: bool,
    /// Output format: yaml, json, side (two speeches side by side for the terminal), or html (a
    /// page with the two outlines side by side, changes coloured).
    #[arg(short, long, value_enum, default_value_t = CompareFormat::Yaml)]
    pub format: CompareFormat,
    /// With --all: the similarity (0 to 1) at which two speeches count as copies.
    #[arg(long, default_value_t = 0.8, value_name = "X")]
    pub threshold: f64,
    /// With --all: the structure similarity (0 to 1, the share of points aligned by content
    /// under aligned parents) at which two speeches count as one template family.
    #[arg(long, default_value_t = tigang::compare::corpus::FAMILY_THRESHOLD, value_name = "X")]
    pub family_threshold: f64,
    /// With --all: also write the topic table of each family as CSV to FILE: a row per aligned
    /// point, a column per speech, each cell the point's marker and title. Example: --points t.csv
    #[arg(long, value_name = "FILE")]
    pub points: Option<PathBuf>,
    /// With --all: also write the similarity matrix as CSV to FILE. Example: --matrix sim.csv
    #[arg(long, value_name = "FILE")]
    pub matrix: Option<PathBuf>,
    /// Width of the side-by-side view in columns (default: the terminal's, or 120).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Decode inputs with this encoding instead of detecting it. Example: --encoding gbk
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Refuse inputs larger than SIZE (bytes, or with K, M, G: 500K, 1G). Default 256M.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_size: u64,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareFormat {
    Yaml,
    Json,
    Side,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Yaml,
    Json,
    Markdown,
    Text,
    Html,
    Mermaid,
    Svg,
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

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Yaml => Format::Yaml,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Text => Format::Text,
            FormatArg::Html => Format::Html,
            FormatArg::Mermaid => Format::Mermaid,
            FormatArg::Svg => Format::Svg,
        }
    }
}

impl ReadArgs {
    pub fn options(&self) -> tigang::Options {
        tigang::Options {
            encoding: self.encoding.clone(),
            keep_pinyin: self.keep_pinyin,
            check: CheckOptions {
                official_order: !self.no_official_order,
            },
            ..tigang::Options::default()
        }
    }
}

/// The command tree with help in the user's language.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command();
    if lang == Lang::Zh {
        for &(sub, arg, text) in tigang::i18n::HELP_ZH {
            let apply = |c: clap::Command| -> clap::Command {
                if arg.is_empty() {
                    c.about(text).long_about(text)
                } else if c.get_arguments().any(|a| a.get_id() == arg) {
                    c.mut_arg(arg, |a| a.help(text).long_help(text))
                } else {
                    c
                }
            };
            cmd = if sub.is_empty() {
                apply(cmd)
            } else if cmd.find_subcommand(sub).is_some() {
                cmd.mut_subcommand(sub, apply)
            } else {
                cmd
            };
        }
    }
    cmd
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
        // The default written in the help is the library's.
        assert_eq!(parse_size("256M"), Ok(tigang::inputs::DEFAULT_MAX_SIZE));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
