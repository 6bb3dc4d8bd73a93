//! What each command does with the inputs: read and extract them in parallel, stream results out
//! in order, show progress, and turn outcomes into exit statuses.

use crate::cli::CheckFormat;
use crate::config::{self, PairView};
use crate::exit;
use crate::inputs::{self, Input};
use crate::report;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tigang::compare::{self, Outline, corpus};
use tigang::render::{self, Format};
use tigang::{Document, Lang, Severity};

/// `eprintln!` that returns the write's error instead of panicking: stderr can be a closed pipe
/// or a full disk, and the run must then end cleanly (see `main`), not panic or hang.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(io::stderr().lock(), $($arg)*)
    };
}

/// What a run over the inputs did, for the summary line.
#[derive(Default)]
struct Tally {
    files: usize,
    speeches: usize,
    headings: usize,
    /// Error-level findings of the numbering check (what the outputs' `diagnostics` carry).
    finding_errors: usize,
    /// Warning-level findings of the numbering check.
    finding_warnings: usize,
    /// Warnings about the inputs themselves (undecodable bytes, an empty file).
    input_warnings: usize,
    /// Inputs that could not be read or written.
    failed: usize,
}

impl Tally {
    /// The summary line ending a run over several inputs.
    fn line(&self, secs: f64, lang: Lang) -> String {
        use tigang::i18n::count;
        let findings = self.finding_errors + self.finding_warnings;
        match lang {
            Lang::En => {
                let mut line = format!(
                    "tigang: {}, {}, {}; {} ({}, {})",
                    count(self.files, "file", "files"),
                    count(self.speeches, "speech", "speeches"),
                    count(self.headings, "heading", "headings"),
                    count(findings, "finding", "findings"),
                    count(self.finding_errors, "error", "errors"),
                    count(self.finding_warnings, "warning", "warnings"),
                );
                if self.input_warnings > 0 {
                    line += &format!(
                        "; {}",
                        count(self.input_warnings, "input warning", "input warnings")
                    );
                }
                if self.failed > 0 {
                    line += &format!("; {} failed", count(self.failed, "input", "inputs"));
                }
                line + &format!(" in {secs:.2} s")
            }
            Lang::Zh => {
                let mut line = format!(
                    "tigang：{} 个文件，{} 篇讲话，{} 个标题；{} 条发现（{} 个错误，{} 个警告）",
                    self.files,
                    self.speeches,
                    self.headings,
                    findings,
                    self.finding_errors,
                    self.finding_warnings
                );
                if self.input_warnings > 0 {
                    line += &format!("；{} 条输入警告", self.input_warnings);
                }
                if self.failed > 0 {
                    line += &format!("；{} 个输入失败", self.failed);
                }
                line + &format!("；用时 {secs:.2} 秒")
            }
        }
    }
}

/// Name each path that could not be listed.
fn report_unlisted(unlisted: Vec<(PathBuf, io::Error)>, lang: Lang) -> io::Result<()> {
    for (path, e) in unlisted {
        say!(
            "tigang: {}: {}",
            path.display(),
            crate::lang::unlisted_text(e, lang)
        )?;
    }
    Ok(())
}

/// What a run reads each input as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Load {
    /// Every input is a speech to extract.
    Extract,
    /// A saved outline (`.json`, `.jsonl`, `.yaml`, `.yml`) is read back, every document of it;
    /// any other input is extracted (see [`inputs::read_documents`]).
    ExtractOrSaved,
}

/// What the runner reports at the end of a run over several inputs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Summary {
    /// extract's and check's line of files, speeches, headings and findings.
    Tally,
    /// None: the command's own output sums the run up (`compare --all`).
    None,
}

/// Read the inputs (as listed by `inputs::expand_with`) in parallel (`jobs`), handing each
/// one's documents to `each` in input order as soon as they are ready, after `prepare` has
/// worked on them on the worker thread. `each` may skip an input before it is read (`skip`).
/// Inputs that cannot be read get a one-line error naming them; the rest are still processed. A
/// progress bar shows on a terminal; a summary line ends a run over several inputs. Returns
/// whether any input failed.
#[allow(clippy::too_many_arguments)]
fn for_each_input<P: Send>(
    read: &config::Read,
    (inputs, unlisted): (Vec<Input>, Vec<(PathBuf, io::Error)>),
    load: Load,
    summary: Summary,
    lang: Lang,
    skip: impl Fn(&Input) -> bool + Sync,
    prepare: impl Fn(&[Document]) -> P + Sync,
    mut each: impl FnMut(&Input, Vec<Document>, P) -> anyhow::Result<bool>,
) -> anyhow::Result<bool> {
    let started = std::time::Instant::now();
    let mut tally = Tally {
        failed: unlisted.len(),
        ..Tally::default()
    };
    report_unlisted(unlisted, lang)?;
    let progress = progress_bar(&inputs, read.progress);
    let mut failed = tally.failed > 0;
    crate::batch::ordered(
        &inputs,
        read.jobs,
        |input| {
            if skip(input) {
                return None;
            }
            let size = input.size().unwrap_or(0);
            let docs = match load {
                Load::Extract => {
                    let opts = tigang::Options {
                        source: Some(input.name()),
                        ..read.options.clone()
                    };
                    input
                        .read(read.max_size)
                        .and_then(|b| tigang::extract(&b, &opts))
                        .map(|d| vec![d])
                }
                Load::ExtractOrSaved => inputs::read_documents(input, &read.options, read.max_size),
            };
            let prepared = docs.map(|docs| {
                let p = prepare(&docs);
                (docs, p)
            });
            Some((prepared, size))
        },
        |i, result| -> anyhow::Result<()> {
            let input = &inputs[i];
            let name = input.name();
            let Some((result, size)) = result else {
                return Ok(());
            };
            progress.inc(size);
            progress.set_message(match lang {
                Lang::En => format!("{}/{} files", i + 1, inputs.len()),
                Lang::Zh => format!("{}/{} 个文件", i + 1, inputs.len()),
            });
            match result {
                Ok((docs, prepared)) => {
                    tally.files += 1;
                    for x in &docs {
                        tally.speeches += x.speeches.len();
                        tally.headings += x
                            .speeches
                            .iter()
                            .map(|s| s.points(false).len())
                            .sum::<usize>();
                        tally.input_warnings += x.warnings.len();
                        for d in x.speeches.iter().flat_map(|s| &s.findings) {
                            match d.severity() {
                                Severity::Error => tally.finding_errors += 1,
                                Severity::Warning => tally.finding_warnings += 1,
                            }
                        }
                        for w in &x.warnings {
                            let label = lang.pick("warning", "警告");
                            progress
                                .suspend(|| say!("tigang: {name}: {label}: {}", w.text(lang)))?;
                        }
                    }
                    if !each(input, docs, prepared)? {
                        tally.failed += 1;
                        failed = true;
                    }
                }
                Err(e) => {
                    progress.suspend(|| {
                        say!("tigang: {name}: {}", tigang::i18n::error_text(&e, lang))
                    })?;
                    tally.failed += 1;
                    failed = true;
                }
            }
            Ok(())
        },
    )?;
    progress.finish_and_clear();
    if read.notes && summary == Summary::Tally && inputs.len() > 1 {
        let secs = started.elapsed().as_secs_f64();
        say!("{}", tally.line(secs, lang))?;
    }
    Ok(failed)
}

/// A progress bar on stderr when `allowed` (it is a terminal, not CI, not --quiet: see
/// `config::Read::progress`) and there are several inputs: bytes done of the total, rate, ETA,
/// and files done.
fn progress_bar(inputs: &[Input], allowed: bool) -> indicatif::ProgressBar {
    let visible = allowed && inputs.len() > 1;
    if !visible {
        return indicatif::ProgressBar::hidden();
    }
    let total: u64 = inputs.iter().filter_map(Input::size).sum();
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
    ) {
        bar.set_style(style);
    }
    // Only draw once the work has lasted more than a moment.
    bar.enable_steady_tick(std::time::Duration::from_millis(250));
    bar
}

/// On a terminal, a run with no path (or `-`) would wait for typed text without a word: say so.
fn tell_stdin_is_read(paths: &[PathBuf], lang: Lang) -> io::Result<()> {
    let reads_stdin = paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-");
    if reads_stdin && io::stdin().is_terminal() {
        say!(
            "tigang: {}",
            lang.pick(
                "reading a speech from standard input; type or paste it and end with Ctrl-D (give files or folders to read those; --help for more)",
                "正在从标准输入读取讲话：输入或粘贴后按 Ctrl-D 结束（也可给出文件或文件夹；--help 查看帮助）"
            )
        )?;
    }
    Ok(())
}

/// The man pages' source line: the program and its version, on the subcommands' pages too.
fn source() -> String {
    format!("tigang {}", env!("CARGO_PKG_VERSION"))
}

/// `tigang man`: the page of tigang or of one subcommand on stdout, or every page into a folder.
pub fn man(
    mut cmd: clap::Command,
    name: Option<String>,
    dir: Option<PathBuf>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    cmd.build();
    if let Some(dir) = dir {
        std::fs::create_dir_all(&dir)
            .map_err(|e| failed_on(&dir, ("cannot create folder", "无法创建文件夹"), e, lang))?;
        let mut pages = vec![cmd.clone()];
        pages.extend(
            cmd.get_subcommands()
                .filter(|s| s.get_name() != "help")
                .cloned(),
        );
        for page in pages {
            let man = clap_mangen::Man::new(page).source(source());
            let path = dir.join(man.get_filename());
            let mut buf = Vec::new();
            man.render(&mut buf)?;
            inputs::write_atomically(&path, &buf)
                .map_err(|e| failed_on(&path, ("cannot write", "无法写入"), e, lang))?;
            writeln!(io::stdout(), "{}", path.display())?;
        }
        return Ok(ExitCode::from(exit::OK));
    }
    let page = match &name {
        None => cmd,
        Some(n) => match cmd.find_subcommand(n).filter(|s| s.get_name() != "help") {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd
                    .get_subcommands()
                    .map(|s| s.get_name())
                    .filter(|&s| s != "help")
                    .collect();
                anyhow::bail!(
                    "{}",
                    match lang {
                        Lang::En => format!(
                            "no man page for {n:?}: the pages are tigang's and {}",
                            names.join(", ")
                        ),
                        Lang::Zh => format!(
                            "没有 {n:?} 的手册页：有 tigang 本身和 {} 的",
                            names.join("、")
                        ),
                    }
                );
            }
        },
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .source(source())
        .render(&mut buf)?;
    io::stdout().write_all(&buf)?;
    Ok(ExitCode::from(exit::OK))
}

pub fn extract(args: config::Extract, lang: Lang) -> anyhow::Result<ExitCode> {
    let format = args.format;
    tell_stdin_is_read(&args.read.paths, lang)?;
    if let Some(dir) = &args.output {
        std::fs::create_dir_all(dir).map_err(|e| {
            failed_on(
                dir,
                ("cannot create output folder", "无法创建输出文件夹"),
                e,
                lang,
            )
        })?;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let skip = |input: &Input| match &args.output {
        Some(dir) if args.skip_existing => {
            inputs::output_path(dir, input, format.extension()).exists()
        }
        _ => false,
    };
    // Rendering happens on the worker threads; the writer only copies bytes out in order.
    let render_in_worker = |docs: &[Document]| {
        let mut buf = Vec::new();
        for x in docs {
            render::render_with(x, format, &args.render, &mut buf)?;
        }
        Ok::<_, io::Error>(buf)
    };
    // A table has one header: on standard output before the first input's rows, in each file
    // written with -o before its own.
    let table = matches!(format, Format::Csv | Format::Tsv).then(|| {
        let mut header = Vec::new();
        let t = if format == Format::Csv {
            render::rows::Table::Csv
        } else {
            render::rows::Table::Tsv
        };
        // Writing to a Vec cannot fail.
        let _ = render::rows::write_header(t, args.render.body, &mut header);
        header
    });
    let listed = inputs::expand_with(&args.read.paths, &args.read.walk);
    // A page, a drawing or a diagram is one document: two in one stream are neither valid SVG nor
    // one HTML page (duplicate ids) nor a file mmdc reads.
    if args.output.is_none()
        && matches!(format, Format::Html | Format::Svg | Format::Mermaid)
        && listed.0.len() > 1
    {
        let n = listed.0.len();
        say!(
            "tigang: {}",
            match lang {
                Lang::En => format!(
                    "--format {} writes one file per input, and there are {n} inputs: \
                     give a folder for them with -o DIR (e.g. -o outlines/)",
                    args.format.name()
                ),
                Lang::Zh => format!(
                    "--format {} 每个输入写一个文件，而输入有 {n} 个：请用 -o DIR 指定输出文件夹（如 -o outlines/）",
                    args.format.name()
                ),
            }
        )?;
        return Ok(ExitCode::from(exit::INPUT_FAILED));
    }
    // Every input is known before anything is written, so that no output, wherever -o puts it
    // (inside an input folder, over a file named beside it, through a link), lands on one.
    let input_files = inputs::Identities::of(&listed.0);
    let mut written: std::collections::HashMap<PathBuf, String> = std::collections::HashMap::new();
    let mut header_written = false;
    let failed = for_each_input(
        &args.read,
        listed,
        Load::Extract,
        Summary::Tally,
        lang,
        skip,
        render_in_worker,
        |input, _, rendered| {
            let mut buf = rendered?;
            let Some(dir) = &args.output else {
                if let Some(header) = &table
                    && !header_written
                {
                    out.write_all(header)?;
                    header_written = true;
                }
                out.write_all(&buf)?;
                return Ok(true);
            };
            if let Some(header) = &table {
                buf.splice(0..0, header.iter().copied());
            }
            let written = &mut written;
            let path = inputs::output_path(dir, input, format.extension());
            if input_files.contains(&path) {
                say!(
                    "tigang: {}: {}",
                    input.name(),
                    match lang {
                        Lang::En => format!("refusing to write {}: it is an input", path.display()),
                        Lang::Zh => format!("拒绝写入 {}：它是输入文件", path.display()),
                    }
                )?;
                return Ok(false);
            }
            // Two inputs can map to one output (a.txt in two folders given side by side): the
            // second is refused rather than written over the first.
            if let Some(first) = written.get(&path) {
                say!(
                    "tigang: {}: {}",
                    input.name(),
                    match lang {
                        Lang::En => format!(
                            "refusing to write {} over the output of {first}",
                            path.display()
                        ),
                        Lang::Zh => format!("拒绝写入 {}：会覆盖 {first} 的输出", path.display()),
                    }
                )?;
                return Ok(false);
            }
            if let Err(e) = inputs::write_atomically(&path, &buf) {
                say!(
                    "tigang: {}",
                    failed_on(&path, ("cannot write", "无法写入"), e, lang)
                )?;
                return Ok(false);
            }
            written.insert(path, input.name());
            Ok(true)
        },
    )?;
    out.flush()?;
    Ok(ExitCode::from(if failed {
        exit::INPUT_FAILED
    } else {
        exit::OK
    }))
}

pub fn check(args: config::Check, lang: Lang) -> anyhow::Result<ExitCode> {
    tell_stdin_is_read(&args.read.paths, lang)?;
    let (mut errors, mut warnings) = (0, 0);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let failed = for_each_input(
        &args.read,
        inputs::expand_with(&args.read.paths, &args.read.walk),
        Load::Extract,
        Summary::Tally,
        lang,
        |_| false,
        |_| (),
        |_, docs, ()| {
            for x in &docs {
                for d in x.speeches.iter().flat_map(|s| &s.findings) {
                    match d.severity() {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                    }
                }
                match args.format {
                    CheckFormat::Human => {
                        report::write_human(x, lang, args.color, &mut io::stderr().lock())?
                    }
                    CheckFormat::Json => report::write_json(x, &mut out)?,
                }
            }
            Ok(true)
        },
    )?;
    out.flush()?;
    if matches!(args.format, CheckFormat::Human) {
        say!("{}", report::summary(errors, warnings, lang))?;
    }
    let code = match (failed, errors) {
        (true, _) => exit::INPUT_FAILED,
        (false, 0) => exit::OK,
        (false, _) => exit::FINDINGS,
    };
    Ok(ExitCode::from(code))
}

/// `FILE#N` names the N-th speech of FILE (counted from 1); a plain FILE its main speech. `FILE#0` is
/// refused with the reason, not taken for a file of that name that does not exist.
fn speech_spec(spec: &str, lang: Lang) -> anyhow::Result<(PathBuf, usize)> {
    if let Some((path, n)) = spec.rsplit_once('#')
        && let Ok(n) = n.parse::<usize>()
        && !Path::new(spec).exists()
    {
        if n == 0 {
            anyhow::bail!(
                "{spec}: {}",
                match lang {
                    Lang::En => format!("speeches are counted from 1: {path}#1 is the first"),
                    Lang::Zh => format!("讲话从 1 开始编号：{path}#1 是第一篇"),
                }
            );
        }
        return Ok((PathBuf::from(path), n));
    }
    Ok((PathBuf::from(spec), 1))
}

/// Every speech of an input as an outline to compare, in file order (a saved stream's speeches
/// count on across its documents), each point's text taken from the input or, read back from a
/// saved outline, its saved body or title.
fn read_outlines(input: &Input, read: &config::Read) -> Result<Vec<Outline>, tigang::Error> {
    let docs = inputs::read_documents(input, &read.options, read.max_size)?;
    Ok(docs.iter().flat_map(compare::outlines).collect())
}

pub fn compare(args: config::Compare, lang: Lang) -> anyhow::Result<ExitCode> {
    match args {
        config::Compare::Pair { a, b, read, view } => compare_pair(&a, &b, &read, view, lang),
        config::Compare::Corpus {
            read,
            threshold,
            family_threshold,
            points,
            matrix,
            json,
        } => {
            let (inputs, unlisted) = inputs::expand_with(&read.paths, &read.walk);
            // Checked before any reading: the tables are written last, so a refusal after
            // minutes of work would waste them.
            if let Some(path) = &matrix {
                table_may_be_written(path, &inputs, b"speech", lang)?;
            }
            if let Some(path) = &points {
                table_may_be_written(path, &inputs, b"family", lang)?;
            }
            let mut outlines = Vec::new();
            // The outlines are built on the worker threads, as extract renders there.
            let failed = for_each_input(
                &read,
                (inputs, unlisted),
                Load::ExtractOrSaved,
                Summary::None,
                lang,
                |_| false,
                |docs| {
                    docs.iter()
                        .flat_map(compare::outlines)
                        .filter(|o| !o.points.is_empty())
                        .collect::<Vec<Outline>>()
                },
                |_, _, found| {
                    outlines.extend(found);
                    Ok(true)
                },
            )?;
            // --jobs bounds the pairs' scoring too, which runs on a pool of that many threads.
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(read.jobs)
                .build()?;
            let (result, scored) =
                pool.install(|| corpus::cluster(&outlines, threshold, family_threshold));
            if let Some(path) = &points {
                let mut buf = Vec::new();
                corpus::write_topics(&outlines, &result.families, &mut buf)?;
                write_table(path, &buf, lang)?;
            }
            if let Some(path) = &matrix {
                let mut buf = Vec::new();
                corpus::write_matrix(&outlines, &scored, &mut buf)?;
                write_table(path, &buf, lang)?;
            }
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            if json {
                writeln!(out, "{}", serde_json::to_string(&result)?)?;
            } else {
                write!(out, "{}", serde_yaml::to_string(&result)?)?;
            }
            out.flush()?;
            Ok(ExitCode::from(if failed {
                exit::INPUT_FAILED
            } else {
                exit::OK
            }))
        }
    }
}

/// Write a table `--matrix` or `--points` asked for, or say why it could not be.
fn write_table(path: &Path, bytes: &[u8], lang: Lang) -> anyhow::Result<()> {
    inputs::write_atomically(path, bytes)
        .map_err(|e| failed_on(path, ("cannot write", "无法写入"), e, lang))
}

/// `path: what: why` in `lang`, for a folder or file tigang could not make: `what` is the
/// (English, Chinese) of what failed, `why` the error in words of the same language (worded for
/// a write: the library's words for an input are a read's).
fn failed_on(path: &Path, what: (&str, &str), e: io::Error, lang: Lang) -> anyhow::Error {
    let why = match (lang, e.kind()) {
        (Lang::En, _) => tigang::error::io_text(&e),
        (Lang::Zh, io::ErrorKind::PermissionDenied) => "没有写入权限".into(),
        (Lang::Zh, io::ErrorKind::NotFound) => "所在的文件夹不存在".into(),
        (Lang::Zh, io::ErrorKind::AlreadyExists) => "已存在".into(),
        (Lang::Zh, _) => tigang::i18n::error_text(&e.into(), lang),
    };
    let sep = lang.pick(": ", "：");
    anyhow::anyhow!(
        "{}: {}{sep}{why}",
        path.display(),
        lang.pick(what.0, what.1)
    )
}

/// `compare A B`: each side's speech (its main one, or the N-th of `FILE#N`), aligned.
fn compare_pair(
    a: &str,
    b: &str,
    read: &config::Read,
    view: PairView,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let load = |spec: &str| -> anyhow::Result<Outline> {
        let (path, n) = speech_spec(spec, lang)?;
        let explicit = spec != path.to_string_lossy();
        let input = if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::file(path)
        };
        let mut outlines = read_outlines(&input, read).map_err(|e| {
            anyhow::anyhow!("{}: {}", input.name(), tigang::i18n::error_text(&e, lang))
        })?;
        let total = outlines.len();
        // A plain FILE means its main speech (the one with the outline); FILE#N the N-th.
        let k = if explicit {
            n - 1
        } else {
            compare::main_speech(&outlines).unwrap_or(0)
        };
        if k >= total {
            return Err(match lang {
                Lang::En => anyhow::anyhow!(
                    "{}: has {}, no speech #{}",
                    input.name(),
                    tigang::i18n::count(total, "speech", "speeches"),
                    k + 1
                ),
                Lang::Zh => {
                    anyhow::anyhow!("{}：只有 {total} 篇讲话，没有第 {} 篇", input.name(), k + 1)
                }
            });
        }
        if !explicit && total > 1 && read.notes {
            say!(
                "{}",
                lang.pick(
                    &format!(
                        "tigang: {}: compared speech #{} of {total} (the one with the most points, {})",
                        input.name(),
                        k + 1,
                        outlines[k].points.len()
                    ),
                    &format!(
                        "tigang: {}：对比第 {} 篇（共 {total} 篇，要点最多，{} 个）",
                        input.name(),
                        k + 1,
                        outlines[k].points.len()
                    )
                )
            )?;
        }
        Ok(outlines.swap_remove(k))
    };
    let comparison = compare::compare(&load(a)?, &load(b)?);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match view {
        PairView::Yaml => write!(out, "{}", serde_yaml::to_string(&comparison)?)?,
        PairView::Json => writeln!(out, "{}", serde_json::to_string(&comparison)?)?,
        PairView::Html => out.write_all(compare::html::page(&comparison).as_bytes())?,
        PairView::Side { width, color } => {
            compare::side::write_side(&comparison, width, color, lang, &mut out)?
        }
    }
    out.flush()?;
    Ok(ExitCode::from(exit::OK))
}

/// A table (the similarity matrix, the topic table) may be written to `path` unless it is an
/// input, or an existing file that is not such a table (its first line starts with `header`):
/// `--matrix g/*.txt` hands the shell's first match to --matrix, which is then no input at all
/// but a speech.
fn table_may_be_written(
    path: &Path,
    inputs: &[Input],
    header: &[u8],
    lang: Lang,
) -> anyhow::Result<()> {
    let refuse = |why: &str| {
        anyhow::anyhow!(
            "{}: {} {why}",
            path.display(),
            lang.pick(
                "refusing to write the matrix there:",
                "拒绝把矩阵写到这里："
            )
        )
    };
    if inputs::Identities::of(inputs).contains(path) {
        return Err(refuse(lang.pick("it is an input", "它是输入文件")));
    }
    if path.is_file()
        && let Ok(mut f) = std::fs::File::open(path)
    {
        let mut head = [0u8; 6];
        let n = io::Read::read(&mut f, &mut head).unwrap_or(0);
        if !header.starts_with(&head[..n]) {
            return Err(refuse(lang.pick(
                "the file exists and is not a similarity matrix (its first line does not start with speech,)",
                "该文件已存在且不是相似度矩阵（首行不以 speech, 开头）",
            )));
        }
    }
    Ok(())
}
