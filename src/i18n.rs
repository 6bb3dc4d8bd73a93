//! The language of messages: English or Chinese. Holds the Chinese text of the library's errors
//! and warnings, so the rest of the code keeps one English source of truth. (The library never
//! reads the environment: the command line chooses the language.)

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
            crate::error::size_text(*limit).replace(" bytes", " 字节")
        ),
        (Error::Unsupported(u), Lang::Zh) => u.text_zh().into(),
        (Error::Damaged { format, detail }, Lang::Zh) => {
            format!("{format} 文件已损坏（{detail}），已跳过")
        }
        (Error::PartTooLarge { part, limit }, Lang::Zh) => format!(
            "其中的 {part} 解压后超过 {}，已跳过（压缩炸弹？）",
            crate::error::size_text(*limit).replace(" bytes", " 字节")
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
        (Error::EmptyOutline { syntax }, Lang::Zh) => {
            format!("空的 {syntax} 文件：里面没有提纲")
        }
        (Error::Io(io), Lang::Zh) => match io.kind() {
            std::io::ErrorKind::NotFound => "文件不存在".into(),
            std::io::ErrorKind::PermissionDenied => "没有读取权限 (permission denied)".into(),
            std::io::ErrorKind::IsADirectory => "是文件夹，不是文件".into(),
            std::io::ErrorKind::NotADirectory => "路径中有一段不是文件夹".into(),
            std::io::ErrorKind::StorageFull => "磁盘已满".into(),
            std::io::ErrorKind::ReadOnlyFilesystem => "文件系统只读".into(),
            std::io::ErrorKind::FileTooLarge => "文件超过系统允许的大小".into(),
            _ => crate::error::io_text(io),
        },
    }
}
