//! The user's language: Chinese when LC_ALL / LC_MESSAGES / LANG is zh_*, English otherwise, or
//! as `--lang` says. Holds the Chinese help text of the command line and of the messages tigang
//! prints, so the rest of the code keeps one English source of truth.

use crate::error::Error;

/// The language of help and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Chinese.
    Zh,
}

impl Lang {
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

    /// `--lang zh|en` anywhere on the command line wins over the environment. (Read before
    /// clap parses, because the help clap prints must already be in the right language.)
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
        Lang::from_env()
    }

    /// Pick the text for this language.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// `n` and the English noun for it, singular or plural: `1 speech`, `2 speeches`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Something worth telling about an input that did not stop the work.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// Some bytes could not be decoded and became U+FFFD; the first is on this line.
    Undecodable {
        /// The encoding used.
        encoding: &'static str,
        /// The 1-based line of the first bad byte.
        line: usize,
    },
    /// Control characters (terminal escapes, BEL, NUL…) were removed; the first is on this line.
    ControlCharacters {
        /// The 1-based line of the first control character.
        line: usize,
    },
    /// The file is empty.
    Empty,
    /// The file holds only whitespace.
    Blank,
}

impl Warning {
    /// The warning in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Warning::Undecodable { encoding, line }, Lang::En) => {
                format!(
                    "some bytes are not valid {encoding} (first at line {line}); they became U+FFFD"
                )
            }
            (Warning::Undecodable { encoding, line }, Lang::Zh) => {
                format!("部分字节不是有效的 {encoding}（首次出现在第 {line} 行），已替换为 U+FFFD")
            }
            (Warning::ControlCharacters { line }, Lang::En) => {
                format!("control characters (first at line {line}) were removed")
            }
            (Warning::ControlCharacters { line }, Lang::Zh) => {
                format!("已删除控制字符（首次出现在第 {line} 行）")
            }
            (Warning::Empty, l) => l
                .pick(
                    "the file is empty: an outline with no points",
                    "文件为空：提纲中没有要点",
                )
                .into(),
            (Warning::Blank, l) => l
                .pick(
                    "the file holds only whitespace: an outline with no points",
                    "文件只有空白：提纲中没有要点",
                )
                .into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// An input error in `lang`.
pub fn error_text(e: &Error, lang: Lang) -> String {
    match (e, lang) {
        (_, Lang::En) => e.to_string(),
        (Error::Binary, Lang::Zh) => "不是文本文件（含有 NUL 等控制字节），已跳过".into(),
        (Error::Undecodable(enc), Lang::Zh) => {
            format!("大部分内容无法按 {enc} 解码，已跳过（--encoding 是否正确？）")
        }
        (Error::UnknownEncoding(label), Lang::Zh) => {
            format!("未知编码 {label:?}（可用 utf-8、gb18030、gbk、big5、utf-16le）")
        }
        (Error::TooLarge { limit }, Lang::Zh) => format!(
            "超过大小上限 {}，已跳过（可用 --max-size 调高）",
            crate::error::size_text(*limit)
        ),
        (Error::Unsupported(u), Lang::Zh) => u.text_zh().into(),
        (Error::Damaged { format, detail }, Lang::Zh) => {
            format!("{format} 文件已损坏（{detail}），已跳过")
        }
        (Error::PartTooLarge { part, limit }, Lang::Zh) => format!(
            "其中的 {part} 解压后超过 {}，已跳过（压缩炸弹？）",
            crate::error::size_text(*limit)
        ),
        (Error::ToolMissing { tool, package }, Lang::Zh) => format!(
            "读取 PDF 需要 {tool}，但未安装（Debian、Ubuntu：apt-get install {package}；Fedora：dnf install {package}；macOS：brew install poppler），已跳过"
        ),
        (
            Error::NotAnOutline {
                syntax,
                document: Some(n),
                detail,
            },
            Lang::Zh,
        ) => format!("第 {n} 个文档不是 tigang 的 {syntax} 提纲：{detail}"),
        (
            Error::NotAnOutline {
                syntax,
                document: None,
                detail,
            },
            Lang::Zh,
        ) => format!("{detail}：不是 tigang 的 {syntax} 提纲"),
        (Error::Io(io), Lang::Zh) => match io.kind() {
            _ if io
                .get_ref()
                .is_some_and(|e| e.is::<crate::inputs::NoTextFiles>()) =>
            {
                "文件夹中没有 *.txt 文件（隐藏文件和 .gitignore、.ignore 列出的文件不算）".into()
            }
            std::io::ErrorKind::NotFound => "文件不存在".into(),
            std::io::ErrorKind::PermissionDenied => "没有读取权限 (permission denied)".into(),
            std::io::ErrorKind::IsADirectory => "是文件夹，不是文件".into(),
            _ => crate::error::io_text(io),
        },
    }
}

const MAX_SIZE_ZH: &str = "超过 SIZE 的输入不读，报错跳过（字节数，或带 K、M、G：500K、1G）";

/// Chinese help for the command line: (subcommand, argument id, text); an empty argument id is the
/// subcommand's own one-line description (the man page's NAME), `@long` its longer one, `@after`
/// what its `--help` ends with (examples); an empty subcommand is the program itself.
pub const HELP_ZH: &[(&str, &str, &str)] = &[
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
        "glob",
        "在文件夹中只读与 GLOB 匹配的文件（gitignore 语法，不分大小写；!GLOB 排除；可重复）。示例：--glob '*.docx'",
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
        "extract",
        "encoding",
        "按指定编码解码，不自动检测。示例：--encoding gbk",
    ),
    (
        "extract",
        "keep_pinyin",
        "保留网页抓取时插入的拼音，如 挑戰(zhàn)",
    ),
    (
        "extract",
        "no_official_order",
        "不检查“一、>（一）>1.>（1）>①”的层级跳级",
    ),
    (
        "extract",
        "jobs",
        "同时处理 N 个文件（默认：全部 CPU 核）；输出仍按输入顺序",
    ),
    ("extract", "quiet", "不显示进度条和汇总行"),
    ("extract", "max_size", MAX_SIZE_ZH),
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
        "glob",
        "在文件夹中只读与 GLOB 匹配的文件（可重复，!GLOB 排除）",
    ),
    (
        "check",
        "format",
        "human：在标准错误输出类似 rustc 的报告；json：每行一条发现",
    ),
    ("check", "encoding", "按指定编码解码，不自动检测"),
    ("check", "keep_pinyin", "保留网页抓取时插入的拼音"),
    (
        "check",
        "no_official_order",
        "不检查“一、>（一）>1.>（1）>①”的层级跳级",
    ),
    ("check", "jobs", "同时处理 N 个文件（默认：全部 CPU 核）"),
    ("check", "quiet", "不显示进度条和汇总行"),
    ("check", "max_size", MAX_SIZE_ZH),
    (
        "compare",
        "",
        "比较讲话的结构：两篇逐条对齐，或 --all 对整个语料聚类",
    ),
    (
        "compare",
        "@long",
        "比较讲话的结构：两篇逐条对齐，或 --all 对整个语料聚类出同一模板的讲话。\n\nA、B 可以是文件（取第一篇）、文件#N（第 N 篇，从 1 数起），或 tigang extract 保存的 .yaml / .json 提纲。",
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
        "配合 --all：相似度达到 X（0–1）即视为同一模板",
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
    ("compare", "encoding", "按指定编码解码，不自动检测"),
    ("compare", "max_size", MAX_SIZE_ZH),
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
