//! The files people actually have: a Word document, a saved web page and a PDF of a speech give
//! the outline the same speech typed as text gives. The .docx files are built here from XML
//! written for each case; the LibreOffice .docx and the PDF (its CJK font embedded) were made by
//! `scripts/make_format_fixtures.py`. Tests that need pdftotext or LibreOffice are ignored
//! without them; `.ci/run` installs both and runs them.

mod common;

use common::{json_lines, tigang};
use std::io::Write;
use tigang::{Document, Options, extract};

fn formats_fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn document(bytes: &[u8], name: &str) -> Document {
    let opts = Options {
        body: true,
        ..Options::default()
    };
    extract(
        bytes,
        &Options {
            source: Some(name.to_string()),
            ..opts.clone()
        },
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fixture_document(name: &str) -> Document {
    let path = formats_fixture(name);
    document(&std::fs::read(&path).expect("fixture"), &path)
}

/// Each speech's outline as JSON, with line numbers and bodies: what must be the same.
fn speeches(doc: &Document) -> serde_json::Value {
    serde_json::to_value(tigang::wire::Document::of(doc).speeches).unwrap()
}

/// The outline without line numbers: depth, marker and title of each point.
fn shape(doc: &Document) -> Vec<String> {
    doc.speeches
        .iter()
        .flat_map(|s| s.points(false))
        .map(|(depth, h)| format!("{depth} {}{}", h.marker().unwrap_or("-"), h.title))
        .collect()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A .docx holding `body` (the content of `w:body`) and the other parts given by name.
fn docx(body: &str, parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
    let all = [
        ("[Content_Types].xml", content_types.to_string()),
        ("word/document.xml", document),
    ];
    for (name, text) in all.iter().chain(
        parts
            .iter()
            .map(|(n, t)| (*n, t.clone()))
            .collect::<Vec<_>>()
            .iter(),
    ) {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A paragraph of plain runs.
fn para(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

/// A paragraph numbered by list `num` at level `ilvl`, its text split over two runs.
fn numbered(num: u32, ilvl: u32, text: &str) -> String {
    let cut = text.char_indices().nth(2).map_or(text.len(), |(i, _)| i);
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r><w:r><w:t>{}</w:t></w:r></w:p>"#,
        escape(&text[..cut]),
        escape(&text[cut..])
    )
}

/// Word's numbering of a Chinese official document: 一、 （一） 1.
fn three_level_numbering() -> String {
    let lvl = |i: u32, fmt: &str, text: &str, suff: &str| {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suff}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:abstractNum w:abstractNumId="3">{}{}{}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#,
        lvl(0, "chineseCounting", "%1、", r#"<w:suff w:val="nothing"/>"#),
        lvl(
            1,
            "chineseCountingThousand",
            "（%2）",
            r#"<w:suff w:val="nothing"/>"#
        ),
        // Word's default suffix, a tab: shown as nothing after the full stop.
        lvl(2, "decimal", "%3.", ""),
    )
}

/// The lines of a text fixture as Word paragraphs: 一、, （一） and 1. headings numbered by the
/// list, their markers taken off the text, except where `typed` says the marker stays typed.
fn auto_numbered_body(text: &str, typed: impl Fn(usize, &str) -> bool) -> String {
    let level = regex::Regex::new(
        r"^(?:([一二三四五六七八九十]+、)|(（[一二三四五六七八九十]+）)|([0-9]+\.))",
    )
    .unwrap();
    text.lines()
        .enumerate()
        .map(|(i, line)| match level.captures(line) {
            Some(c) if !typed(i, line) => {
                let m = c.get(0).unwrap();
                let ilvl = (1..=3).find(|&g| c.get(g).is_some()).unwrap() as u32 - 1;
                numbered(5, ilvl, &line[m.end()..])
            }
            _ => para(line),
        })
        .collect()
}

#[test]
fn an_auto_numbered_docx_gives_the_outline_of_the_same_speech_typed() {
    let text = std::fs::read_to_string(formats_fixture("auto_numbered_speech.txt")).unwrap();
    let as_text = document(text.as_bytes(), "auto_numbered_speech.txt");
    // Under 三、 the （一）（二）（三） are typed, the rest numbered by Word.
    let third = text.lines().position(|l| l.starts_with("三、")).unwrap();
    let body = auto_numbered_body(&text, |i, line| i > third && line.starts_with('（'));
    let bytes = docx(&body, &[("word/numbering.xml", three_level_numbering())]);
    assert!(!String::from_utf8_lossy(&bytes).contains("（一）"));
    let as_docx = document(&bytes, "讲话稿.docx");
    assert_eq!(shape(&as_docx), shape(&as_text));
    // The same line numbers (one paragraph a line) and the same bodies.
    assert_eq!(speeches(&as_docx), speeches(&as_text));
    assert_eq!(as_docx.encoding, "UTF-8");
    // 一二三, four （n） under them, four 1. 2. and the three typed （n）.
    assert_eq!(shape(&as_text).len(), 14);
}

#[test]
fn numbering_restarts_under_each_higher_level_and_a_restarted_list_counts_again() {
    // Two numbering instances of one list: the second continues it; a third with a start
    // override starts again from 一.
    let numbering = three_level_numbering().replace(
        "</w:numbering>",
        r#"<w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="7"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>"#,
    );
    let body = [
        numbered(5, 0, "甲"),
        numbered(5, 1, "乙"),
        numbered(5, 2, "丙"),
        numbered(5, 2, "丁"),
        numbered(5, 1, "戊"),
        numbered(5, 2, "己"),
        numbered(6, 0, "庚"),
        numbered(6, 1, "辛"),
        numbered(7, 0, "壬"),
        // numId 0 takes a paragraph out of its style's list.
        r#"<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>癸</w:t></w:r></w:p>"#
            .to_string(),
    ]
    .concat();
    let bytes = docx(&body, &[("word/numbering.xml", numbering)]);
    let paragraphs = tigang::formats::docx::paragraphs(&bytes).unwrap();
    let lines: Vec<String> = paragraphs.iter().map(|p| p.line()).collect();
    assert_eq!(
        lines,
        [
            "一、甲",
            "（一）乙",
            "1.丙",
            "2.丁",
            "（二）戊",
            "1.己",
            "二、庚",
            "（一）辛",
            "一、壬",
            "癸"
        ]
    );
}

#[test]
fn heading_styles_give_numbering_and_outline_levels() {
    // A heading style tied to a list level (as LibreOffice and many templates write it) numbers
    // its paragraphs; its outline level is recorded as evidence of depth.
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style></w:styles>"#
    );
    let styled = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        styled("Heading1", "总体要求"),
        styled("Heading2", "指导思想"),
        styled("Body", "正文。"),
        styled("Heading1", "主要任务"),
    ]
    .concat();
    let bytes = docx(
        &body,
        &[
            ("word/numbering.xml", three_level_numbering()),
            ("word/styles.xml", styles),
        ],
    );
    let paragraphs = tigang::formats::docx::paragraphs(&bytes).unwrap();
    let got: Vec<(String, Option<u8>)> = paragraphs
        .iter()
        .map(|p| (p.line(), p.outline_level))
        .collect();
    assert_eq!(
        got,
        [
            ("一、总体要求".to_string(), Some(0)),
            ("（一）指导思想".to_string(), Some(0)),
            ("正文。".to_string(), None),
            ("二、主要任务".to_string(), Some(0)),
        ]
    );
}

#[test]
fn a_docx_with_a_table_footnotes_comments_headers_and_tracked_changes_reads_its_body_only() {
    let text = std::fs::read_to_string(formats_fixture("table_and_footnotes_speech.txt")).unwrap();
    let as_text = document(text.as_bytes(), "table_and_footnotes_speech.txt");
    let lines: Vec<&str> = text.lines().collect();
    let table_at = lines.iter().position(|l| *l == "指标").unwrap();
    let cell = |t: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", para(t));
    let table: String = format!(
        "<w:tbl><w:tblPr/>{}</w:tbl>",
        lines[table_at..table_at + 9]
            .chunks(3)
            .map(|row| format!(
                "<w:tr>{}</w:tr>",
                row.iter().map(|c| cell(c)).collect::<String>()
            ))
            .collect::<String>()
    );
    let mut body = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == table_at {
            body.push_str(&table);
        }
        if (table_at..table_at + 9).contains(&i) {
            continue;
        }
        body.push_str(&match *line {
            // A footnote reference and a comment anchor inside the text.
            l if l.starts_with("去年全县") => 
                r#"<w:p><w:r><w:t>去年全县安全生产形势总体平稳</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>，主要指标见下表。</w:t></w:r></w:p>"#
                .to_string(),
            l if l.starts_with("（一）压实属地") => 
                r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>（一）压实属地责任</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#
                .to_string(),
            // Tracked changes: the deletion is gone, the insertion is read; hidden text and a
            // field's instruction are not shown.
            l if l.starts_with("各部门") => 
                r#"<w:p><w:r><w:t>各部门要</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>切实</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>坚持</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的批注）</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD 名称 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>管行业必须管安全</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>。</w:t></w:r></w:p>"#
                .to_string(),
            l => para(l),
        });
    }
    let note = |tag: &str, text: &str| {
        format!(
            r#"<w:{tag}s {W}><w:{tag} w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{tag}></w:{tag}s>"#
        )
    };
    let bytes = docx(
        &body,
        &[
            (
                "word/footnotes.xml",
                note("footnote", "一、数据来源：县应急管理局。"),
            ),
            ("word/endnotes.xml", note("endnote", "二、尾注不是要点。")),
            ("word/comments.xml", note("comment", "三、此处再斟酌。")),
            (
                "word/header1.xml",
                format!(r#"<w:hdr {W}>{}</w:hdr>"#, para("四、某某县人民政府文件")),
            ),
            (
                "word/footer1.xml",
                format!(r#"<w:ftr {W}>{}</w:ftr>"#, para("第 1 页")),
            ),
        ],
    );
    let as_docx = document(&bytes, "安全生产.docx");
    assert_eq!(speeches(&as_docx), speeches(&as_text));
    let all = tigang::formats::docx::text(&tigang::formats::docx::paragraphs(&bytes).unwrap());
    assert_eq!(all, text);
}

#[test]
fn a_docx_written_by_libreoffice_is_read_right() {
    // Its headings are numbered by heading styles tied to the levels of one list
    // (taiwaneseCountingThousand, %1、 and （%2）), as LibreOffice writes outline numbering.
    let text = std::fs::read_to_string(formats_fixture("auto_numbered_speech.txt")).unwrap();
    let as_text = document(text.as_bytes(), "auto_numbered_speech.txt");
    let as_docx = fixture_document("libreoffice_outline_numbered.docx");
    assert_eq!(speeches(&as_docx), speeches(&as_text));
}

#[test]
fn a_saved_web_page_with_navigation_gives_the_outline_of_the_same_speech() {
    let text = std::fs::read(formats_fixture("auto_numbered_speech.txt")).unwrap();
    let as_text = document(&text, "auto_numbered_speech.txt");
    let page = fixture_document("saved_page_with_navigation.html");
    // The page is GBK, as its meta tag says.
    assert_eq!(page.encoding, "GBK");
    assert_eq!(speeches(&page), speeches(&as_text));
    // Named .txt, it is still read as a page.
    let bytes = std::fs::read(formats_fixture("saved_page_with_navigation.html")).unwrap();
    assert_eq!(speeches(&document(&bytes, "page.txt")), speeches(&as_text));
}

fn has(tool: &str) -> bool {
    std::process::Command::new(tool).arg("-v").output().is_ok()
}

#[test]
#[ignore = "needs pdftotext (apt-get install poppler-utils); .ci/run installs it"]
fn a_pdf_with_an_embedded_cjk_font_gives_the_outline_of_the_same_speech() {
    assert!(has("pdftotext"), "pdftotext is not installed");
    let text = std::fs::read(formats_fixture("auto_numbered_speech.txt")).unwrap();
    let as_text = document(&text, "auto_numbered_speech.txt");
    let pdf = fixture_document("pdf_embedded_cjk_font.pdf");
    // Lines wrapped by the page and its page numbers (- 1 -) make other line numbers; the
    // points, their depth and titles, and the speech's header are the same.
    assert_eq!(shape(&pdf), shape(&as_text));
    assert_eq!(pdf.speeches.len(), 1);
    assert_eq!(
        pdf.speeches[0].header.title,
        as_text.speeches[0].header.title
    );
    // A paragraph the page wrapped is whole in the body of its heading.
    let (_, point) = pdf.speeches[0]
        .points(false)
        .into_iter()
        .find(|(_, h)| h.title == "政策支持力度加大")
        .expect("the point");
    let body = point.body.clone().unwrap_or_default();
    assert!(body.contains("支持政策，为我们提供了难得机遇"), "{body}");
}

#[test]
#[ignore = "needs soffice and pdftotext (apt-get install libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei); .ci/run installs them"]
fn what_the_installed_libreoffice_makes_today_is_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("python3")
        .arg(format!(
            "{}/scripts/make_format_fixtures.py",
            env!("CARGO_MANIFEST_DIR")
        ))
        .arg("--outdir")
        .arg(dir.path())
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let text = std::fs::read(formats_fixture("auto_numbered_speech.txt")).unwrap();
    let as_text = document(&text, "auto_numbered_speech.txt");
    for name in [
        "libreoffice_outline_numbered.docx",
        "pdf_embedded_cjk_font.pdf",
    ] {
        let path = dir.path().join(name);
        let doc = document(&std::fs::read(&path).unwrap(), name);
        assert_eq!(shape(&doc), shape(&as_text), "{name}");
    }
}

#[test]
fn without_pdftotext_a_pdf_is_refused_naming_the_package_and_the_rest_is_read() {
    let empty_path = tempfile::tempdir().unwrap();
    let out = tigang()
        .env("PATH", empty_path.path())
        .args(["extract", "--format", "json"])
        .arg(formats_fixture("pdf_embedded_cjk_font.pdf"))
        .arg(formats_fixture("auto_numbered_speech.txt"))
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("pdf_embedded_cjk_font.pdf: reading PDF needs pdftotext")
            && stderr.contains("apt-get install poppler-utils"),
        "{stderr}"
    );
    assert_eq!(json_lines(out.get_output().stdout.clone()).len(), 1);
}

#[test]
#[ignore = "needs pdftotext (apt-get install poppler-utils); .ci/run installs it"]
fn a_damaged_pdf_is_named_and_skipped() {
    assert!(has("pdftotext"), "pdftotext is not installed");
    let dir = tempfile::tempdir().unwrap();
    let pdf = std::fs::read(formats_fixture("pdf_embedded_cjk_font.pdf")).unwrap();
    std::fs::write(dir.path().join("a_cut.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    std::fs::write(dir.path().join("b.txt"), "一、学习。\n二、落实。\n").unwrap();
    let out = tigang()
        .args(["extract", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("a_cut.pdf: a damaged PDF file"), "{stderr}");
    let docs = json_lines(out.get_output().stdout.clone());
    assert_eq!(docs.len(), 1);
    assert!(docs[0].source.ends_with("b.txt"));
}

#[test]
fn binary_word_damaged_zips_and_other_archives_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    // An OLE2 compound file, as Word 97-2003 and WPS write.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(4096, 0);
    // Folder walks do not pick up .doc and .wps: they are named here.
    let old_doc = p("a_old.doc");
    let old_wps = p("b_old.wps");
    std::fs::write(&old_doc, &ole).unwrap();
    std::fs::write(&old_wps, &ole).unwrap();
    // A password-protected .docx: an OLE2 file with an EncryptionInfo stream.
    let mut encrypted = ole.clone();
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    encrypted[1024..1024 + name.len()].copy_from_slice(&name);
    std::fs::write(p("b_locked.docx"), &encrypted).unwrap();
    let good = docx(&para("一、学习。"), &[]);
    std::fs::write(p("c_cut.docx"), &good[..good.len() / 2]).unwrap();
    std::fs::write(p("d_not_zip.docx"), "一、学习。").unwrap();
    let mut sheet = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    sheet
        .start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    sheet.write_all(b"<workbook/>").unwrap();
    std::fs::write(p("e_sheet.docx"), sheet.finish().unwrap().into_inner()).unwrap();
    std::fs::write(p("f_good.docx"), &good).unwrap();
    let out = tigang()
        .args(["extract", "--format", "json", "--lang", "en"])
        .arg(&old_doc)
        .arg(&old_wps)
        .arg(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    for expected in [
        "a_old.doc: a binary Word (.doc) or WPS (.wps) document",
        "soffice --headless --convert-to docx FILE",
        "b_old.wps: a binary Word",
        "b_locked.docx: a password-protected Word document",
        "c_cut.docx: a damaged docx file",
        "d_not_zip.docx: a damaged docx file (it is not a zip archive",
        "e_sheet.docx: a zip archive without word/document.xml",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in {stderr}");
    }
    let docs = json_lines(out.get_output().stdout.clone());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].speeches[0].outline[0].marker(), Some("一、"));
}

#[test]
fn a_zip_bomb_stops_at_the_part_size_limit() {
    // 200 MiB of spaces inside one paragraph deflate to some 200 KiB.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(format!(r#"<w:document {W}><w:body><w:p><w:r><w:t>"#).as_bytes())
        .unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..200 {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 << 20, "{}", bytes.len());
    match tigang::formats::docx::paragraphs(&bytes) {
        Err(tigang::Error::PartTooLarge { part, limit }) => {
            assert_eq!(part, "word/document.xml");
            assert_eq!(limit, tigang::formats::docx::MAX_PART_SIZE);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn folder_walks_read_every_format_case_blind_and_glob_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::create_dir(p("sub")).unwrap();
    std::fs::write(p("a.txt"), "一、甲。\n").unwrap();
    std::fs::write(p("B.DOCX"), docx(&para("一、乙。"), &[])).unwrap();
    std::fs::write(p("sub/c.html"), "<p>一、丙。</p>").unwrap();
    std::fs::write(p("sub/d.HTM"), "<p>一、丁。</p>").unwrap();
    std::fs::write(p("e.md"), "一、不读。\n").unwrap();
    std::fs::write(p(".hidden.txt"), "一、隐藏。\n").unwrap();
    std::fs::write(p("ignored.txt"), "一、忽略。\n").unwrap();
    std::fs::write(p(".gitignore"), "ignored.txt\n").unwrap();
    let titles = |args: &[&str]| -> Vec<String> {
        let out = tigang()
            .args(["extract", "--format", "json"])
            .args(args)
            .arg(dir.path())
            .assert()
            .success();
        json_lines(out.get_output().stdout.clone())
            .iter()
            .map(|d| d.speeches[0].outline[0].title.clone())
            .collect()
    };
    assert_eq!(titles(&[]), ["乙", "甲", "丙", "丁"]);
    assert_eq!(titles(&["--glob", "*.docx"]), ["乙"]);
    assert_eq!(titles(&["--glob", "sub/*", "--glob", "!*.htm"]), ["丙"]);
    // A glob can choose what the extensions would not.
    assert_eq!(titles(&["--glob", "*.md"]), ["不读"]);
}

#[test]
fn damaged_docx_bytes_are_refused_or_read_never_a_panic() {
    let good = std::fs::read(formats_fixture("libreoffice_outline_numbered.docx")).unwrap();
    let mut x: u32 = 0x9E37_79B9;
    let (mut refused, mut read) = (0, 0);
    for _ in 0..400 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let mut bad = good.clone();
        let at = x as usize % bad.len();
        bad[at] ^= (x >> 24) as u8 | 1;
        for bytes in [&bad[..], &good[..at]] {
            match extract(
                bytes,
                &Options {
                    source: Some("x.docx".to_string()),
                    ..Options::default()
                },
            ) {
                Ok(_) => read += 1,
                Err(_) => refused += 1,
            }
        }
    }
    // Most flipped bytes land in compressed data or a checksum and are refused.
    assert!(refused > 400 && read > 0, "refused {refused}, read {read}");
}

#[test]
fn a_pattern_that_is_no_glob_is_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、甲。\n").unwrap();
    let out = tigang()
        .args(["extract", "--glob", "[", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains(r#"--glob "[" is not a glob"#), "{stderr}");
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn a_docx_heading_body_is_its_paragraph_even_without_a_full_stop() {
    // Typed as text, a line that stops mid-sentence may be a paragraph broken by a page, and the
    // next line is joined to it; a Word paragraph is whole.
    let lines = [
        "同志们：",
        "一、统一思想",
        "（一）提高认识。要坚持稳中求进工作总基调，统筹推进各项工作",
        "各地要结合实际制定具体方案。",
        "（二）狠抓落实。要把责任压实到人。",
    ];
    let text = lines.join("\n");
    let body_of_first_point = |doc: &Document| {
        let (_, h) = doc.speeches[0]
            .points(false)
            .into_iter()
            .find(|(_, h)| h.marker() == Some("（一）"))
            .expect("（一）");
        h.body.clone().unwrap_or_default()
    };
    let as_text = document(text.as_bytes(), "a.txt");
    assert!(body_of_first_point(&as_text).ends_with("各地要结合实际制定具体方案。"));
    let body: String = lines.iter().map(|l| para(l)).collect();
    let as_docx = document(&docx(&body, &[]), "a.docx");
    assert_eq!(
        body_of_first_point(&as_docx),
        "提高认识。要坚持稳中求进工作总基调，统筹推进各项工作"
    );
    assert_eq!(shape(&as_docx), shape(&as_text));
}
