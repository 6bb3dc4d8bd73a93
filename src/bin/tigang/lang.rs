//! The user's language, read from the command line and the environment (the library never reads
//! either), and the Chinese help of the command line.

use std::io;
use tigang::Lang;

/// The language of this run, settled once from the command line and the environment before
/// clap parses (its value parsers word their errors in it).
static CURRENT: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Settle the language of this run (the first call wins).
pub fn settle(lang: Lang) -> Lang {
    *CURRENT.get_or_init(|| lang)
}

/// The (en, zh) text in the language of this run: English until it is settled.
pub fn say(en: String, zh: String) -> String {
    match CURRENT.get() {
        Some(Lang::Zh) => zh,
        _ => en,
    }
}

/// The language the environment asks for: Chinese when LC_ALL, LC_MESSAGES or LANG is zh_*.
pub fn from_env() -> Lang {
    let wanted = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty());
    match wanted {
        Some(v) if v.starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// `--lang zh|en` anywhere on the command line wins over the environment. (Read before clap
/// parses, because the help clap prints must already be in the right language.)
pub fn from_args_or_env<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        match value {
            Some("zh") => return Lang::Zh,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    from_env()
}

/// Why a path named on the command line could not be listed, in `lang`: a folder without text
/// files is the command line's own finding; the rest are the library's input errors.
pub fn unlisted_text(e: io::Error, lang: Lang) -> String {
    if lang == Lang::Zh
        && e.get_ref()
            .is_some_and(|e| e.is::<crate::inputs::NoTextFiles>())
    {
        return "文件夹中没有 .txt、.docx、.html 或 .pdf 文件（隐藏文件和 .gitignore、.ignore 列出的文件不算）"
            .into();
    }
    tigang::i18n::error_text(&e.into(), lang)
}

const MAX_SIZE_ZH: &str = "超过 SIZE 的输入不读，报错跳过（字节数，或带 K、M、G：500K、1G）";

/// Chinese help for the command line: (subcommand, argument id, text); an empty argument id is the
/// subcommand's own one-line description (the man page's NAME), `@long` its longer one, `@after`
/// what its `--help` ends with (examples); an empty subcommand is the program itself, `*` every
/// subcommand that has the argument (the read options extract, check and compare share).
pub const HELP_ZH: &[(&str, &str, &str)] = &[
    (
        "*",
        "glob",
        "在文件夹中只读与 GLOB 匹配的文件（gitignore 语法，不分大小写；!GLOB 排除；可重复）。示例：--glob '*.docx'",
    ),
    (
        "*",
        "encoding",
        "按指定编码解码，不自动检测。示例：--encoding gbk",
    ),
    (
        "*",
        "keep_pinyin",
        "保留网页抓取时插入的拼音，如 挑戰(zhàn)",
    ),
    (
        "*",
        "no_official_order",
        "不检查“一、>（一）>1.>（1）>①”的层级跳级",
    ),
    (
        "*",
        "jobs",
        "同时处理 N 个文件（默认：全部 CPU 核）；输出仍按输入顺序",
    ),
    ("*", "quiet", "不显示进度条和汇总行"),
    ("*", "max_size", MAX_SIZE_ZH),
    (
        "",
        "",
        "tigang（提纲）：提取中文讲话、报告的提纲，输出 YAML、JSON、Markdown、文本、HTML 网页、Mermaid 思维导图或 SVG 图",
    ),
    (
        "",
        "@after",
        "示例：\n  tigang extract examples/district_meeting.txt\n  tigang check drafts/\n  tigang extract --format html -o pages/ speeches/\n\n退出码：0 正常；1 有错误级别的发现（check）；2 有输入无法读取。",
    ),
    (
        "",
        "lang",
        "帮助与提示的语言：zh 或 en（默认随 LC_ALL / LANG）",
    ),
    (
        "",
        "color",
        "何时输出颜色：auto 在终端上着色（NO_COLOR 非空或 TERM=dumb 时不着色，CLICOLOR_FORCE=1 时管道也着色）、always、never",
    ),
    (
        "extract",
        "",
        "输出每个输入的提纲：各篇讲话及其层层嵌套的编号要点",
    ),
    (
        "extract",
        "@after",
        "示例：\n  tigang extract speech.txt\n  tigang extract --format json speeches/ > outlines.jsonl\n  cat speech.txt | tigang extract --format text\n  tigang extract --format html -o pages/ speeches/",
    ),
    (
        "extract",
        "paths",
        "文件（.txt、.docx、.html、.pdf）或文件夹（其下所有这些文件，按名称排序，隐藏文件和 .gitignore 忽略的文件除外）；- 或不给则读标准输入",
    ),
    (
        "extract",
        "format",
        "输出格式：yaml、json（每行一个文件）、markdown、text、html（可折叠的提纲网页）、mermaid（思维导图）、svg（提纲树图）；html、svg、mermaid 每个输入一个文件，多个输入请用 -o DIR",
    ),
    (
        "extract",
        "output",
        "把每个输入的结果写成 DIR 下的一个文件（镜像输入的文件夹结构）",
    ),
    ("extract", "body", "为每个标题附上整段正文（body）"),
    (
        "extract",
        "skip_existing",
        "配合 -o：输出文件已存在的输入跳过（续跑中断的任务）",
    ),
    (
        "extract",
        "inline",
        "把段落内的要点（一是……二是……）也列为子项，标记 inline: true",
    ),
    (
        "extract",
        "explain",
        "说明每个标题为何放在此处：所选的位置、各项依据及其权重、与次优位置的差距",
    ),
    (
        "extract",
        "weight",
        "修改嵌套权重表中的一项，例如 --weight parent_title_only=50（可重复）",
    ),
    (
        "check",
        "",
        "检查每个输入的编号：缺号、重号、顺序、体例混用、预告条数、标点体例、层级跳级、空标题",
    ),
    (
        "check",
        "@after",
        "示例：\n  tigang check draft.txt\n  tigang check --lang zh --no-official-order drafts/\n  tigang check --format json drafts/ > findings.jsonl",
    ),
    (
        "check",
        "paths",
        "文件（.txt、.docx、.html、.pdf）或文件夹（其下所有这些文件）；- 或不给则读标准输入",
    ),
    (
        "check",
        "format",
        "human：在标准错误输出类似 rustc 的报告；json：每行一条发现",
    ),
    (
        "compare",
        "",
        "比较讲话的结构：两篇逐条对齐，或 --all 对整个语料聚类",
    ),
    (
        "compare",
        "@long",
        "比较讲话的结构：两篇逐条对齐，或 --all 对整个语料聚类出同一模板的讲话。\n\nA、B 可以是文件（取其主讲话，即要点最多的一篇）、文件#N（第 N 篇，从 1 数起），或 tigang extract 保存的 .yaml / .json 提纲。",
    ),
    (
        "compare",
        "@after",
        "示例：\n  tigang compare 2023.txt 2024.txt\n  tigang compare --format side 合集.txt#2 合集.txt#5\n  tigang compare --format html a.txt b.txt > diff.html\n  tigang compare --all speeches/ --threshold 0.8 --matrix similarity.csv",
    ),
    (
        "compare",
        "speeches",
        "两篇讲话（A B），或配合 --all 给出任意文件和文件夹",
    ),
    ("compare", "all", "两两比较路径下的所有讲话，输出聚类"),
    (
        "compare",
        "format",
        "输出格式：yaml、json、side（终端并排对照）、html（并排对照网页）",
    ),
    (
        "compare",
        "threshold",
        "配合 --all：相似度达到 X（0–1）即视为副本",
    ),
    (
        "compare",
        "family_threshold",
        "配合 --all：结构相似度（父项对齐下按内容对齐的要点比例，0–1）达到 X 即视为同一模板家族",
    ),
    (
        "compare",
        "points",
        "配合 --all：另把每个家族的要点对照表写成 CSV 文件：每行一个对齐的要点，每列一篇讲话",
    ),
    (
        "compare",
        "matrix",
        "配合 --all：另把相似度矩阵写成 CSV 文件",
    ),
    (
        "compare",
        "width",
        "并排视图的宽度（列数；默认取终端宽度或 120）",
    ),
    (
        "completions",
        "",
        "输出 shell 补全脚本（bash、zsh、fish、powershell、elvish）",
    ),
    (
        "completions",
        "@after",
        "示例：\n  mkdir -p ~/.local/share/bash-completion/completions\n  tigang completions bash > ~/.local/share/bash-completion/completions/tigang",
    ),
    ("completions", "shell", "哪种 shell"),
    (
        "man",
        "",
        "输出 man 手册页（roff 格式），或用 --dir 把全部手册页写进文件夹",
    ),
    (
        "man",
        "@after",
        "示例：\n  tigang man | man -l -\n  tigang man extract | man -l -\n  mkdir -p ~/.local/share/man/man1 && tigang man --dir ~/.local/share/man/man1",
    ),
    (
        "man",
        "name",
        "要输出哪个子命令的手册页（extract、check、compare、completions、man）；不给则输出 tigang 本身的",
    ),
    (
        "man",
        "dir",
        "把 tigang 及每个子命令的手册页（tigang.1、tigang-extract.1……）写进 DIR（不存在则创建）",
    ),
];
