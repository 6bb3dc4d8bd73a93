//! Word documents (.docx): the body's paragraphs in order, each one line, its runs joined, table
//! cells' paragraphs in their order, and before each numbered paragraph the marker Word shows
//! (see `numbering`). Footnotes, endnotes, comments, headers and footers
//! live in parts of their own and are not read; deleted text (tracked changes), hidden text,
//! text boxes and a table of contents in a content control are left out too.

use super::numbering::{Abstract, LEVELS, Level, Num, NumFmt, Numbering, Suffix};
use crate::error::{Error, Unsupported};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The most bytes one part of a .docx may unpack to: 128 MiB, some thirty times the XML of the
/// longest report, so that a zip bomb stops at this bound instead of at the memory's.
pub const MAX_PART_SIZE: u64 = 128 << 20;

/// A paragraph as a reader of the document sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    /// The marker Word shows before it (`一、`, `（二）`), when its list numbers it.
    pub marker: Option<String>,
    /// Its text: the runs joined, a manual line break (Shift+Enter) as `\n`, a tab as `\t`.
    pub text: String,
    /// Its paragraph style's id (`w:pStyle`), if any.
    pub style: Option<String>,
    /// Its outline level, 0 for the top (`w:outlineLvl`, its own or its style's, or a built-in
    /// heading style: `heading 1` is 0). Evidence for its depth that the nesting does not use
    /// yet.
    pub outline_level: Option<u8>,
}

impl Paragraph {
    /// The line tigang reads: the marker, then the text.
    pub fn line(&self) -> String {
        match &self.marker {
            Some(m) => format!("{m}{}", self.text),
            None => self.text.clone(),
        }
    }
}

/// The text of the paragraphs, one line each (a manual line break inside one starts a line).
pub fn text(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    for p in paragraphs {
        out.push_str(&p.line());
        out.push('\n');
    }
    out
}

/// The body paragraphs of the .docx in `bytes`, in order.
///
/// A damaged archive is [`Error::Damaged`]; a zip that holds no Word document (an .odt, an
/// .xlsx) is [`Error::Unsupported`]; a part that unpacks to more than [`MAX_PART_SIZE`] is
/// [`Error::PartTooLarge`].
pub fn paragraphs(bytes: &[u8]) -> Result<Vec<Paragraph>, Error> {
    let damaged = |detail: String| Error::Damaged {
        format: "docx",
        detail,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| damaged(format!("not a readable zip archive: {e}")))?;
    let main = match main_part(&mut zip)? {
        Some(name) => name,
        None => {
            let odt = read_part(&mut zip, "mimetype", 1024)?
                .is_some_and(|m| m.starts_with("application/vnd.oasis.opendocument"));
            return Err(Error::Unsupported(if odt {
                Unsupported::OpenDocument
            } else {
                Unsupported::OtherZip
            }));
        }
    };
    let styles = match read_part(&mut zip, "word/styles.xml", MAX_PART_SIZE)? {
        Some(xml) => parse_styles(&xml).map_err(|e| damaged(format!("word/styles.xml: {e}")))?,
        None => HashMap::new(),
    };
    let mut numbering = match read_part(&mut zip, "word/numbering.xml", MAX_PART_SIZE)? {
        Some(xml) => {
            parse_numbering(&xml).map_err(|e| damaged(format!("word/numbering.xml: {e}")))?
        }
        None => Numbering::default(),
    };
    numbering.style_nums = styles
        .iter()
        .filter_map(|(id, s)| Some((id.clone(), s.num_id.clone()?)))
        .collect();
    let xml = read_part(&mut zip, &main, MAX_PART_SIZE)?
        .ok_or_else(|| damaged(format!("{main} is missing")))?;
    parse_document(&xml, &styles, &mut numbering).map_err(|e| damaged(format!("{main}: {e}")))
}

/// The name of the main document part: `word/document.xml`, or where the package's
/// relationships say it is. `None` when the zip has none.
fn main_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<Option<String>, Error> {
    const DEFAULT: &str = "word/document.xml";
    if zip.index_for_name(DEFAULT).is_some() {
        return Ok(Some(DEFAULT.into()));
    }
    let Some(rels) = read_part(zip, "_rels/.rels", MAX_PART_SIZE)? else {
        return Ok(None);
    };
    let mut reader = quick_xml::Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let is_main = attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
                if let (true, Some(target)) = (is_main, attr(&e, "Target")) {
                    let name = target.trim_start_matches('/').to_string();
                    return Ok(zip.index_for_name(&name).map(|_| name));
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(None),
            _ => {}
        }
    }
}

/// The text of part `name`, `None` when the archive has no such part. At most `limit` bytes are
/// unpacked: a part that would unpack to more is refused, whatever size its header claims.
fn read_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, Error> {
    let damaged = |e: &dyn std::fmt::Display| Error::Damaged {
        format: "docx",
        detail: format!("{name}: {e}"),
    };
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(&e)),
    };
    let mut buf = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| damaged(&e))?;
    if buf.len() as u64 > limit {
        return Err(Error::PartTooLarge {
            part: name.to_string(),
            limit,
        });
    }
    // Word writes its parts in UTF-8; a part in UTF-16 says so with a BOM.
    Ok(Some(match String::from_utf8(buf) {
        Ok(s) => s.trim_start_matches('\u{FEFF}').to_string(),
        Err(e) => {
            let bytes = e.into_bytes();
            let encoding =
                encoding_rs::Encoding::for_bom(&bytes).map_or(encoding_rs::UTF_8, |b| b.0);
            encoding.decode_with_bom_removal(&bytes).0.into_owned()
        }
    }))
}

/// The value of the attribute whose local name is `name` (`w:val` is `val`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.into_owned())
        })
    })
}

/// An on/off property (`<w:vanish/>`, `<w:isLgl w:val="false"/>`): on unless its value says off.
fn is_on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}

fn number(e: &BytesStart) -> Option<u32> {
    attr(e, "val")?.trim().parse().ok()
}

/// A paragraph style as far as numbering and depth go.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    outline_level: Option<u8>,
    /// `heading N` gives N - 1.
    heading_level: Option<u8>,
}

/// The paragraph and numbering styles of `styles.xml` by id.
fn parse_styles(xml: &str) -> Result<HashMap<String, Style>, quick_xml::Error> {
    let mut styles = HashMap::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut current: Option<(String, Style)> = None;
    loop {
        let event = reader.read_event()?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                if path.pop().as_deref() == Some("style")
                    && let Some((id, s)) = current.take()
                {
                    styles.insert(id, s);
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.local_name().as_ref().to_string();
        let parent = path.last().map(String::as_str);
        match (parent, name.as_str()) {
            (_, "style") => {
                current = attr(e, "styleId").map(|id| (id, Style::default()));
            }
            (Some("style"), "name") => {
                if let Some((_, s)) = current.as_mut() {
                    s.heading_level = attr(e, "val").and_then(|n| heading_level(&n));
                }
            }
            (Some("style"), "basedOn") => {
                if let Some((_, s)) = current.as_mut() {
                    s.based_on = attr(e, "val");
                }
            }
            (Some("numPr"), "numId") => {
                if let Some((_, s)) = current.as_mut() {
                    s.num_id = attr(e, "val");
                }
            }
            (Some("numPr"), "ilvl") => {
                if let Some((_, s)) = current.as_mut() {
                    s.ilvl = number(e).map(|n| n as usize);
                }
            }
            (Some("pPr"), "outlineLvl") => {
                if let Some((_, s)) = current.as_mut() {
                    s.outline_level = number(e).and_then(|n| u8::try_from(n).ok());
                }
            }
            _ => {}
        }
        if !empty {
            path.push(name);
        }
    }
    Ok(styles)
}

/// `heading 1` … `heading 9` (the built-in names, whatever the user's language) as 0 … 8.
fn heading_level(name: &str) -> Option<u8> {
    let n: u8 = name
        .trim()
        .to_ascii_lowercase()
        .strip_prefix("heading")?
        .trim()
        .parse()
        .ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

/// The list definitions of `numbering.xml`.
fn parse_numbering(xml: &str) -> Result<Numbering, quick_xml::Error> {
    let mut numbering = Numbering::default();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut abstract_def: Option<(String, Abstract)> = None;
    let mut num: Option<(String, Num)> = None;
    let mut level: Option<(usize, Level)> = None;
    let mut override_level: Option<usize> = None;
    loop {
        let event = reader.read_event()?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                match path.pop().as_deref() {
                    Some("lvl") => {
                        if let Some((i, l)) = level.take() {
                            match (override_level, num.as_mut(), abstract_def.as_mut()) {
                                (Some(_), Some((_, n)), _) => n.level_overrides[i] = Some(l),
                                (None, _, Some((_, a))) => a.levels[i] = Some(l),
                                _ => {}
                            }
                        }
                    }
                    Some("lvlOverride") => override_level = None,
                    Some("abstractNum") => {
                        if let Some((id, a)) = abstract_def.take() {
                            numbering.abstracts.insert(id, a);
                        }
                    }
                    Some("num") => {
                        if let Some((id, n)) = num.take() {
                            numbering.nums.insert(id, n);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.local_name().as_ref().to_string();
        match name.as_str() {
            "abstractNum" => {
                abstract_def = attr(e, "abstractNumId").map(|id| (id, Abstract::default()));
            }
            "num" => num = attr(e, "numId").map(|id| (id, Num::default())),
            "abstractNumId" => {
                if let (Some((_, n)), Some(v)) = (num.as_mut(), attr(e, "val")) {
                    n.abstract_id = v;
                }
            }
            "lvlOverride" => {
                override_level = number_attr(e, "ilvl").filter(|&i| i < LEVELS);
            }
            "startOverride" => {
                if let (Some(i), Some((_, n)), Some(v)) = (override_level, num.as_mut(), number(e))
                {
                    n.start_overrides[i] = Some(v);
                }
            }
            "lvl" => {
                level = number_attr(e, "ilvl")
                    .filter(|&i| i < LEVELS)
                    .map(|i| (i, Level::default()));
            }
            "numStyleLink" => {
                if let Some((_, a)) = abstract_def.as_mut() {
                    a.style_link = attr(e, "val");
                }
            }
            _ => {
                if let Some((_, l)) = level.as_mut() {
                    match name.as_str() {
                        "start" => l.start = number(e).unwrap_or(0),
                        // Word 2010's custom formats come with a standard one as the fallback.
                        "numFmt" => match attr(e, "val").as_deref() {
                            Some("custom") | None => {}
                            Some(f) => l.format = NumFmt::from_name(f),
                        },
                        "lvlText" => l.text = attr(e, "val").unwrap_or_default(),
                        "lvlRestart" => l.restart = number(e),
                        "isLgl" => l.legal = is_on(e),
                        "suff" => {
                            l.suffix = match attr(e, "val").as_deref() {
                                Some("space") => Suffix::Space,
                                Some("nothing") => Suffix::Nothing,
                                _ => Suffix::Tab,
                            }
                        }
                        "pStyle" => l.style = attr(e, "val"),
                        _ => {}
                    }
                }
            }
        }
        if !empty {
            path.push(name);
        }
    }
    Ok(numbering)
}

fn number_attr(e: &BytesStart, name: &str) -> Option<usize> {
    attr(e, name)?.trim().parse().ok()
}

/// A paragraph being read: its properties and text so far.
#[derive(Default)]
struct Open {
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    outline_level: Option<u8>,
    text: String,
}

/// Elements whose content is not part of the body's text: deleted text, the fallback copy of
/// alternate content, text boxes (read once, elsewhere in the flow), field instructions, and the
/// phonetic guide above characters (`w:rt`: the pinyin of 拼音指南).
const SKIPPED: [&str; 7] = [
    "rt",
    "del",
    "moveFrom",
    "Fallback",
    "txbxContent",
    "instrText",
    "delInstrText",
];

/// The paragraphs of the main document part.
fn parse_document(
    xml: &str,
    styles: &HashMap<String, Style>,
    numbering: &mut Numbering,
) -> Result<Vec<Paragraph>, quick_xml::Error> {
    let mut out = Vec::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    // The depth of the element being skipped, when inside one.
    let mut skip: Option<usize> = None;
    let mut para: Option<Open> = None;
    let mut run_hidden = false;
    // Depths of content controls that hold a table of contents.
    let mut toc_sdts: Vec<usize> = Vec::new();
    loop {
        let event = reader.read_event()?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                let closed = path.pop();
                if skip.is_some_and(|d| d == path.len()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                match closed.as_deref() {
                    Some("p") => {
                        if let Some(p) = para.take() {
                            out.push(finish(p, styles, numbering));
                        }
                    }
                    Some("sdt") => {
                        toc_sdts.retain(|&d| d < path.len());
                    }
                    _ => {}
                }
                continue;
            }
            Event::Text(t) if skip.is_none() && !run_hidden => {
                if path.last().is_some_and(|n| n == "t")
                    && let Some(p) = para.as_mut()
                {
                    p.text.push_str(&t.xml10_content());
                }
                continue;
            }
            Event::GeneralRef(r) if skip.is_none() && !run_hidden => {
                if path.last().is_some_and(|n| n == "t")
                    && let Some(p) = para.as_mut()
                {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => p.text.push(c),
                        _ => {
                            if let Some(s) = quick_xml::escape::resolve_predefined_entity(r) {
                                p.text.push_str(s);
                            }
                        }
                    }
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if skip.is_some() {
            if !empty {
                path.push(String::new());
            }
            continue;
        }
        let name = e.local_name().as_ref().to_string();
        let parent = path.last().map(String::as_str);
        let in_toc_content =
            name == "sdtContent" && toc_sdts.last().is_some_and(|&d| d + 1 == path.len());
        if SKIPPED.contains(&name.as_str()) || in_toc_content {
            if !empty {
                skip = Some(path.len());
                path.push(name);
            }
            continue;
        }
        match (parent, name.as_str()) {
            (_, "p") => {
                if empty {
                    out.push(finish(Open::default(), styles, numbering));
                } else {
                    para = Some(Open::default());
                }
            }
            (_, "docPartGallery") => {
                if attr(e, "val").is_some_and(|v| v.contains("Table of Contents"))
                    && let Some(d) = path.iter().rposition(|n| n == "sdt")
                {
                    toc_sdts.push(d);
                }
            }
            (Some("pPr"), "pStyle") => {
                if let Some(p) = para.as_mut() {
                    p.style = attr(e, "val");
                }
            }
            (Some("pPr"), "outlineLvl") => {
                if let Some(p) = para.as_mut() {
                    p.outline_level = number(e).and_then(|n| u8::try_from(n).ok());
                }
            }
            (Some("numPr"), "numId") => {
                if let Some(p) = para.as_mut() {
                    p.num_id = attr(e, "val");
                }
            }
            (Some("numPr"), "ilvl") => {
                if let Some(p) = para.as_mut() {
                    p.ilvl = number(e).map(|n| n as usize);
                }
            }
            (_, "r") => run_hidden = false,
            // A run's own hidden property; the paragraph mark's (pPr/rPr) hides no text.
            (Some("rPr"), "vanish") if path.len() >= 2 && path[path.len() - 2] == "r" => {
                run_hidden = is_on(e);
            }
            (Some("r"), "tab") => push(&mut para, run_hidden, "\t"),
            // A page or column break starts no line of its own.
            (Some("r"), "br") if !matches!(attr(e, "type").as_deref(), Some("page" | "column")) => {
                push(&mut para, run_hidden, "\n");
            }
            (Some("r"), "cr") => push(&mut para, run_hidden, "\n"),
            (Some("r"), "noBreakHyphen") => push(&mut para, run_hidden, "-"),
            (Some("r"), "sym") => {
                let c = attr(e, "char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c));
                if let Some(c) = c {
                    push(&mut para, run_hidden, c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
        if !empty {
            path.push(name);
        }
    }
    Ok(out)
}

fn push(para: &mut Option<Open>, hidden: bool, s: &str) {
    if let (Some(p), false) = (para.as_mut(), hidden) {
        p.text.push_str(s);
    }
}

/// The style chain from `id` up its `basedOn` links (at most 32 long, so a loop ends).
fn chain<'s>(styles: &'s HashMap<String, Style>, id: Option<&str>) -> Vec<&'s Style> {
    let mut out = Vec::new();
    let mut next = id;
    while let Some(s) = next.and_then(|id| styles.get(id)) {
        out.push(s);
        if out.len() >= 32 {
            break;
        }
        next = s.based_on.as_deref();
    }
    out
}

/// A paragraph read to its end: its numbering and outline level resolved through its style.
fn finish(p: Open, styles: &HashMap<String, Style>, numbering: &mut Numbering) -> Paragraph {
    let chain = chain(styles, p.style.as_deref());
    let from_style = chain.iter().find(|s| s.num_id.is_some());
    let num_id = p
        .num_id
        .clone()
        .or_else(|| from_style.and_then(|s| s.num_id.clone()));
    let marker = num_id.filter(|id| id != "0").and_then(|id| {
        let ilvl = p
            .ilvl
            .or_else(|| chain.iter().find_map(|s| s.ilvl))
            .or_else(|| {
                p.style
                    .as_deref()
                    .and_then(|s| numbering.level_of_style(&id, s))
            })
            .unwrap_or(0);
        numbering.next_marker(&id, ilvl)
    });
    let outline_level = p
        .outline_level
        .or_else(|| chain.iter().find_map(|s| s.outline_level))
        .or_else(|| chain.iter().find_map(|s| s.heading_level))
        // Level 9 is Word's "body text".
        .filter(|&l| l < 9);
    Paragraph {
        marker: marker.filter(|m| !m.is_empty()),
        text: p.text,
        style: p.style,
        outline_level,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(body: &str) -> Vec<String> {
        let xml = format!(
            r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>{body}</w:body></w:document>"#
        );
        parse_document(&xml, &HashMap::new(), &mut Numbering::default())
            .unwrap()
            .iter()
            .map(Paragraph::line)
            .collect()
    }

    #[test]
    fn a_table_of_contents_control_fallback_copies_and_phonetic_guides_are_left_out() {
        let toc = r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>一、总体要求	1</w:t></w:r></w:p></w:sdtContent></w:sdt>"#;
        let other = r#"<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:sdtContent></w:sdt>"#;
        let ruby = r#"<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>tiǎo</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>挑</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>战</w:t></w:r></w:p>"#;
        let alternate = r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文&amp;&#x4E00;</w:t></w:r></w:p>"#;
        assert_eq!(
            lines(&format!("{toc}{other}{ruby}{alternate}")),
            ["一、总体要求", "挑战", "正文&一"]
        );
    }

    #[test]
    fn breaks_tabs_and_symbols() {
        let p = r#"<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>标题</w:t><w:br/><w:t>正文</w:t><w:br w:type="page"/><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2014"/></w:r></w:p><w:p/>"#;
        assert_eq!(lines(p), ["一、\t标题\n正文—", ""]);
    }

    #[test]
    fn level_overrides_style_links_and_custom_formats_as_word_writes_them() {
        // Abstract 1 takes its levels from the list of numbering style MyList (abstract 2, a
        // custom format with its standard fallback); instance 9 redefines level 0 as 第%1章.
        let numbering = r#"<w:numbering xmlns:w="w" xmlns:mc="mc">
            <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="MyList"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:styleLink w:val="MyList"/>
              <w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1、"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
            <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
            <w:num w:numId="9"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="space"/><w:lvlText w:val="第%1章"/></w:lvl></w:lvlOverride></w:num>
            </w:numbering>"#;
        let styles = r#"<w:styles xmlns:w="w"><w:style w:type="numbering" w:styleId="MyList"><w:name w:val="My List"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>"#;
        let styles = parse_styles(styles).unwrap();
        let mut numbering = parse_numbering(numbering).unwrap();
        numbering.style_nums = styles
            .iter()
            .filter_map(|(id, s)| Some((id.clone(), s.num_id.clone()?)))
            .collect();
        let p = |num: u32, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let xml = format!(
            r#"<w:document xmlns:w="w"><w:body>{}{}{}{}</w:body></w:document>"#,
            p(4, "甲"),
            // Instance 3 is the list instance 4 links to: it counts on.
            p(3, "乙"),
            p(9, "总则"),
            p(9, "分则")
        );
        let got: Vec<String> = parse_document(&xml, &styles, &mut numbering)
            .unwrap()
            .iter()
            .map(Paragraph::line)
            .collect();
        assert_eq!(got, ["一、甲", "二、乙", "第一章 总则", "第二章 分则"]);
    }
}
