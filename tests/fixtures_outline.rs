//! The outline of each fixture speech in tests/fixtures, written as one line per heading:
//! `depth marker title`. Each fixture names the case it covers.

use tigang::{Document, Options, extract};

/// The outline tigang makes of the fixture `name` with `opts`.
fn document(name: &str, opts: &Options) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture exists");
    extract(
        &bytes,
        &Options {
            source: Some(path.to_string()),
            ..opts.clone()
        },
    )
    .expect("fixture is text")
}

fn shape(name: &str) -> Vec<String> {
    let opts = Options {
        inline: name.starts_with("inline"),
        ..Options::default()
    };
    let doc = document(name, &opts);
    let mut out = Vec::new();
    for (i, speech) in doc.speeches.iter().enumerate() {
        if doc.speeches.len() > 1 {
            out.push(format!("speech {} line {}", i + 1, speech.start_line));
        }
        for (depth, h) in speech.points(true) {
            let inline = if h.inline { " (inline)" } else { "" };
            out.push(format!(
                "{depth} {} {}{inline}",
                h.marker().unwrap_or("-"),
                h.title
            ));
        }
    }
    out
}

fn assert_shape(name: &str, expected: &[&str]) {
    assert_eq!(shape(name), expected, "outline of {name}");
}

#[test]
fn a_restarted_list_after_its_own_lead_in_stands_beside_the_first() {
    assert_shape(
        "restart_beside.txt",
        &[
            "1 一是 要学深学透",
            "1 二是 要学用结合",
            "1 三是 要以学促干",
            "1 一是 要转变作风",
            "1 二是 要狠抓落实",
        ],
    );
}

#[test]
fn wrong_family_and_missing_numbers_stay_siblings() {
    assert_shape(
        "gap_and_wrong_number.txt",
        &[
            "1 一要 统一思想",
            "1 二要 明确任务",
            "1 三是 强化保障",
            "1 四要 严格考核",
            "1 （一） 加强组织",
            "1 （二） 加强宣传",
            "1 （四） 加强督查",
        ],
    );
}

#[test]
fn title_lines_own_the_lists_that_follow_them() {
    assert_shape(
        "title_lines_own_lists.txt",
        &[
            "1 一、 充分肯定过去一年的成绩",
            "1 二、 准确把握今年的工作重点",
            "2 1. 办好群众文化活动",
            "2 2. 建好基层文化阵地",
            "2 3. 管好文化市场",
            "1 三、 切实加强组织领导",
        ],
    );
}

#[test]
fn a_list_inside_a_paragraph_heading_whose_list_goes_on_is_its_child() {
    assert_shape(
        "paragraph_heading_children.txt",
        &[
            "1 第一， 要提高认识",
            "1 第二， 要突出重点",
            "2 （一） 抓学习",
            "2 （二） 抓队伍",
            "2 （三） 抓阵地",
            "1 第三， 要压实责任",
            "2 （一） 明确分工",
            "2 （二） 加强协作",
        ],
    );
}

#[test]
fn lists_after_ordinary_paragraphs_stand_beside_each_other() {
    assert_shape(
        "mixed_families_flat.txt",
        &[
            "1 —— 理论学习持续深入",
            "1 —— 宣传阵地不断巩固",
            "1 —— 文明创建扎实推进",
            "1 一要 提高认识",
            "1 二要 突出重点",
            "1 三要 严明纪律",
        ],
    );
}

#[test]
fn broken_lines_join_their_paragraph_and_titles_stop_at_the_sentence_end() {
    assert_shape(
        "body_paragraphs_broken.txt",
        &[
            "1 一、 提高思想认识，切实增强做好安全生产工作的责任感",
            "1 二、 突出工作重点，全面排查整治各类隐患",
            "2 一要 抓好重点行业整治",
            "2 二要 抓好隐患闭环管理",
            "1 三、 强化组织保障",
        ],
    );
}

#[test]
fn each_speech_of_a_file_has_its_own_outline() {
    assert_shape(
        "two_speeches.txt",
        &[
            "speech 1 line 1",
            "1 一、 提高认识",
            "1 二、 科学规划",
            "1 三、 加强管护",
            "speech 2 line 8",
            "1 一、 立足防大汛",
            "1 二、 落实责任制",
        ],
    );
}

#[test]
fn a_copy_of_a_speech_starts_where_its_original_started() {
    // The second copy follows a list with no closing or salutation: its first paragraph and the
    // point after it, which began speech 2, begin speech 3.
    assert_shape(
        "repeated_speech_copy.txt",
        &[
            "speech 1 line 1",
            "1 一、 提高认识",
            "1 二、 科学规划",
            "speech 2 line 7",
            "1 一是 建强网格队伍",
            "1 二是 完善议事机制",
            "1 三是 办好民生实事",
            "1 （一） 深化网格服务",
            "1 （二） 拓展议事范围",
            "speech 3 line 14",
            "1 一是 建强网格队伍",
            "1 二是 完善议事机制",
            "1 三是 办好民生实事",
        ],
    );
}

#[test]
fn markdown_hashes_and_bold_around_markers_are_layout() {
    assert_shape(
        "markdown_copied.txt",
        &[
            "1 一、 提高政治站位",
            "2 （一） 加强组织领导",
            "2 （二） 压实工作责任",
            "1 二、 突出工作重点",
            "2 1. 抓好产业发展",
            "2 2. 抓好人才振兴",
        ],
    );
}

#[test]
fn a_space_before_the_separator_and_an_unopened_parenthesis_still_mark_points() {
    assert_shape(
        "spaced_and_unopened_markers.txt",
        &[
            "1 一 、 认清形势",
            "1 二 、 突出重点",
            "2 一） 抓好道路交通安全",
            "2 二） 抓好建筑施工安全",
            "1 三 、 压实责任",
            "2 1 、 落实属地责任",
            "2 2 、 落实企业主体责任",
        ],
    );
}

#[test]
fn a_list_after_a_colon_is_its_points_and_a_later_section_title_stays_beside_them() {
    // 其次 ends on a colon and 一要…三要 follow at once: they are its points. （一） then stands
    // beside them: climbing out past paragraph points had no support on the real texts (it
    // helped none and misplaced two headings of corpus-b r13), so nothing climbs without evidence.
    assert_shape(
        "adverb_points_and_section_titles.txt",
        &[
            "1 首先， 要提高认识",
            "1 其次， 要形成合力",
            "2 一要 明势",
            "2 二要 顺势",
            "2 三要 造势",
            "2 （一） 建立舆情研判机制",
            "3 一是 定期分析研判",
            "3 二是 及时处置苗头",
            "2 （二） 建立工作保障机制",
        ],
    );
}

#[test]
fn counted_points_keep_their_noun_and_punctuation_in_the_marker() {
    // 第三个方面 is an ordinal: it does not announce a list of three under it (the check finds no
    // announced-count mismatch).
    let doc = document("counted_aspects.txt", &Options::default());
    let codes: Vec<&str> = doc.speeches[0]
        .findings
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
    assert_shape(
        "counted_aspects.txt",
        &[
            "1 第一个方面， 关于当前形势",
            "1 第二个方面， 关于主要任务",
            "1 第三个方面， 关于保障措施",
            "2 第一点， 要加强领导",
            "2 第二点， 要严格考核",
        ],
    );
}

#[test]
fn sections_after_opening_courtesies_stand_beside_them() {
    // 一、 right under 其次 is a section title, not an elaboration of the courtesy.
    assert_shape(
        "courtesies_before_sections.txt",
        &[
            "1 首先， 我代表县委、县政府，向受表彰的先进集体和个人表示热烈祝贺",
            "1 其次， 向一年来辛勤工作在各条战线上的同志们表示衷心感谢",
            "1 一、 总体情况",
            "1 二、 下步打算",
        ],
    );
}

#[test]
fn a_speech_s_numbered_title_line_is_not_its_first_point() {
    // 第二篇：在…的讲话 names the second speech of the collection; it owns no list.
    assert_shape(
        "numbered_collection.txt",
        &[
            "speech 1 line 1",
            "1 一、 认清形势",
            "1 二、 压实责任",
            "speech 2 line 7",
            "1 一、 立足防大汛",
            "1 二、 落实责任制",
        ],
    );
}

#[test]
fn ordinary_words_and_a_lone_procedural_first_are_not_headings() {
    assert_shape(
        "ordinary_words.txt",
        &["1 一、 加强学习", "1 二、 狠抓落实"],
    );
}

#[test]
fn body_holds_the_whole_paragraph_across_broken_lines() {
    let opts = Options {
        body: true,
        ..Options::default()
    };
    let doc = document("body_paragraphs_broken.txt", &opts);
    let first_child = &doc.speeches[0].outline[1].children[0];
    assert_eq!(
        first_child.body.as_deref(),
        Some("抓好重点行业整治。对危化品、建筑施工等行业开展全覆盖检查。")
    );
}

#[test]
fn a_point_written_in_a_look_alike_family_stays_in_its_list() {
    assert_shape(
        "wrong_family_in_list.txt",
        &[
            "1 （一） 落实主体责任",
            "1 （二） 加强阵地管理",
            "1 (3) 维护网络安全",
            "1 （四） 处理重大事件",
        ],
    );
}

#[test]
fn points_run_into_a_paragraph_become_inline_children() {
    assert_shape(
        "inline_points.txt",
        &[
            "1 一要 统一思想抓落实",
            "1 二要 强化责任抓落实",
            "2 一是 知责 (inline)",
            "2 二是 履责 (inline)",
            "2 三是 问责 (inline)",
            "1 三要 搭建载体抓落实",
            "2 一方面， 要用好传统阵地 (inline)",
            "2 另一方面， 要建好网上阵地 (inline)",
        ],
    );
}

#[test]
fn a_lead_in_that_announces_a_list_becomes_its_group() {
    let doc = document("restart_beside.txt", &Options::default());
    let groups: Vec<(Option<u32>, usize)> = doc.speeches[0]
        .outline
        .iter()
        .map(|g| (g.announced(), g.children.len()))
        .collect();
    assert_eq!(groups, [(Some(3), 3), (Some(2), 2)]);
    assert_eq!(
        doc.speeches[0].outline[1].intro(),
        Some("关于作风，我再强调两点：")
    );
}

#[test]
fn a_main_title_over_a_subtitle_names_its_speech_and_starts_it() {
    let doc = document("titled_speeches_with_subtitles.txt", &Options::default());
    let headers: Vec<_> = doc
        .speeches
        .iter()
        .map(|s| {
            (
                s.start_line,
                s.header.title.as_deref(),
                s.header.subtitle.as_deref(),
                s.header.date_iso.as_deref(),
                s.header.speaker.as_deref(),
                s.header.salutation.as_deref(),
            )
        })
        .collect();
    // The second and third speeches have no closing before them: each subtitle (with or without
    // its dash) starts its speech at the title above it.
    // The header runs six lines; the opening paragraph after the salutation stays in it.
    assert_eq!(
        headers,
        vec![
            (
                1,
                Some("稳字当头 实干为先 奋力谱写县域发展新篇章"),
                Some("——在全县经济工作会议上的讲话"),
                Some("2025-01-08"),
                Some("县委书记\u{3000}张 明"),
                Some("同志们"),
            ),
            (
                13,
                Some("守正创新 凝心聚力"),
                Some("——在全县宣传思想文化工作会议上的讲话（摘要）"),
                Some("2025-02-18"),
                Some("李红"),
                Some("同志们"),
            ),
            (
                21,
                Some("从严从实 久久为功"),
                Some("在全县作风建设大会上的讲话"),
                None,
                Some("王强"),
                Some("同志们"),
            ),
        ]
    );
}

#[test]
fn notes_after_the_speech_are_not_points() {
    let points: Vec<String> = shape("notes_block_after_text.txt")
        .into_iter()
        .filter(|l| !l.starts_with("speech"))
        .collect();
    assert_eq!(points, ["1 （一） 抓好秋收秋种", "1 （二） 做好冬季水利"]);
}

#[test]
fn a_list_restarting_under_a_counted_point_is_its_child() {
    assert_shape(
        "counted_point_with_its_own_list.txt",
        &[
            "1 第一点， 关于经济形势",
            "1 第二点， 关于重点项目",
            "1 第三点， 关于民生工作",
            "2 首先， 要办好教育",
            "2 第二， 要搞好医疗",
            "2 第三， 要保障住房",
        ],
    );
}

#[test]
fn a_lead_in_inside_a_section_keeps_its_list_in_the_section() {
    assert_shape(
        "lead_in_inside_a_section.txt",
        &[
            "1 一、 总体要求",
            "1 二、 重点任务",
            "2 一是 稳增长",
            "2 二是 调结构",
            "2 三是 惠民生",
            "1 三、 保障措施",
        ],
    );
}

#[test]
fn a_closing_wish_is_not_a_point() {
    assert_shape(
        "closing_wish_is_not_a_point.txt",
        &["1 （一） 提高认识", "1 （二） 加强协作"],
    );
}

#[test]
fn a_last_topic_after_an_announced_count_is_a_point() {
    let shape = shape("last_point_after_an_announced_count.txt");
    assert_eq!(shape.len(), 4, "{shape:?}");
    assert!(shape[3].starts_with("1 最后，"), "{shape:?}");
}

#[test]
fn approximate_numbers_are_not_headings() {
    assert_shape(
        "approximate_numbers_are_not_headings.txt",
        &["1 一、 回顾过去", "1 二、 展望未来"],
    );
}

#[test]
fn capital_numerals_open_five_levels() {
    assert_shape(
        "capital_numerals_five_levels.txt",
        &[
            "1 壹、 總說",
            "2 一、 背景",
            "3 （一） 現況",
            "4 1. 人力不足",
            "5 （1） 偏遠地區缺乏教師",
            "5 （2） 離島地區流動率高",
            "4 2. 經費有限",
            "3 （二） 問題",
            "1 貳、 策進作為",
            "2 一、 增加員額",
        ],
    );
}

#[test]
fn decimal_numbers_nest_by_their_dots() {
    assert_shape(
        "decimal_outline_numbers.txt",
        &[
            "1 1. 建设目标",
            "2 1.1 完善基础设施",
            "3 1.1.1 修缮展厅",
            "3 1.1.2 新建库房",
            "2 1.2 提升服务水平",
            "1 2. 保障措施",
            "2 2.1 落实经费",
            "2 2.2 加强管理",
        ],
    );
}

#[test]
fn bullets_open_parts_like_dashes() {
    assert_shape(
        "bullets_stand_like_dashes.txt",
        &[
            "1 二、 计划内容",
            "2 ● 三大主轴",
            "3 （一） 保护文物",
            "3 （二） 开放共享",
            "2 ● 五大面向",
            "3 （一） 景观面向",
            "3 （二） 展览面向",
            "1 三、 经费需求",
        ],
    );
}

#[test]
fn a_restart_after_a_lead_in_in_a_paragraph_section_is_its_child() {
    assert_shape(
        "restart_after_lead_in_in_a_paragraph_section.txt",
        &[
            "1 一、 去年工作的回顾",
            "2 一、 稳定粮食生产",
            "2 二、 发展乡镇企业",
            "2 三、 改善交通条件",
            "1 二、 今年工作的安排",
        ],
    );
}

#[test]
fn a_last_topic_after_a_full_nested_list_returns_to_the_top() {
    let shape = shape("last_topic_after_a_full_nested_list.txt");
    assert_eq!(shape.len(), 6, "{shape:?}");
    assert!(shape[5].starts_with("1 最后，"), "{shape:?}");
}

#[test]
fn a_restart_under_a_title_line_is_its_child() {
    assert_shape(
        "restart_under_a_title_line.txt",
        &[
            "1 （一） 加强学习",
            "2 （一） 学理论",
            "2 （二） 学业务",
            "1 （二） 改进作风",
        ],
    );
}

#[test]
fn a_list_after_a_closing_colon_is_the_paragraphs_child() {
    assert_shape(
        "list_after_a_colon_in_the_last_section.txt",
        &[
            "1 一、 基本情况",
            "1 二、 存在问题",
            "2 1. 创新能力不强",
            "2 2. 结构不够合理",
        ],
    );
}

#[test]
fn lone_markers_open_no_list() {
    assert_shape(
        "lone_markers_open_no_list.txt",
        &["1 一、 认清形势", "1 二、 明确任务"],
    );
}

#[test]
fn a_first_number_typed_for_the_second_stays_at_its_level() {
    assert_shape(
        "first_number_typed_for_the_second.txt",
        &[
            "1 一、 统一思想",
            "2 （一） 提高认识",
            "2 （二） 加强学习",
            "1 一、 狠抓落实",
            "2 （一） 明确责任",
            "2 （二） 强化考核",
            "1 三、 加强领导",
            "2 （一） 健全机制",
        ],
    );
}

#[test]
fn a_section_title_closes_the_sections_before_it() {
    assert_shape(
        "section_title_closes_what_came_before.txt",
        &[
            "1 一、 工作回顾",
            "2 1. 经济平稳增长",
            "2 2. 民生持续改善",
            "1 二、 工作安排",
            "2 1. 扩大有效投资",
            "2 2. 促进消费回升",
            "1 1. 有效投资：指能形成实物工作量的投资",
            "1 2. 消费回升：指社会消费品零售总额增速回升",
        ],
    );
}

#[test]
fn rows_of_a_flattened_table_are_not_headings() {
    assert_shape(
        "table_rows_are_not_headings.txt",
        &["1 一、 回收单位", "1 二、 编配单位"],
    );
}

#[test]
fn wrapped_lines_that_start_like_points_are_not_headings() {
    assert_shape(
        "wrapped_text_lines_that_look_like_points.txt",
        &[
            "1 一、 关于当前形势",
            "1 二、 关于今后工作",
            "1 三、 关于作风建设",
            "1 四、 关于组织领导",
        ],
    );
}

#[test]
fn a_numeral_written_in_the_wrong_brackets_stays_in_its_list() {
    assert_shape(
        "slip_into_a_look_alike_list.txt",
        &[
            "1 一、 计划缘起",
            "1 二、 计划内容",
            "2 （一）、 景观面向",
            "3 1. 整备环境",
            "2 （二）、 展览面向",
            "3 1. 引入策展",
            "2 （三）、 活动面向",
            "2 （四）、 交通面向",
            "2 五、 行销面向",
            "3 1. 品牌行销",
            "1 三、 经费需求",
        ],
    );
}

#[test]
fn points_after_a_run_in_first_point_go_under_its_heading() {
    assert_shape(
        "run_in_first_point_then_line_points.txt",
        &[
            "1 首先， 关于师资培养，我提出一点看法",
            "1 第二点， 关于经费保障",
            "1 其次， 关于幼小衔接",
            "2 第二， 要加强资讯公开",
            "2 第三， 要做好个案追踪",
        ],
    );
}

#[test]
fn a_lone_decimal_number_is_a_date_not_a_heading() {
    assert_shape(
        "decimal_date_is_not_a_heading.txt",
        &["1 一、 回顾", "1 二、 展望", "1 三、 要求"],
    );
}

#[test]
fn a_short_heading_right_after_a_full_wrapped_line_is_kept() {
    let shape = shape("wrapped_text_heading_right_after_a_full_line.txt");
    assert_eq!(
        shape,
        [
            "1 一、 关于当前形势",
            "1 二、 关于今后工作",
            "1 三、 关于作风建设"
        ]
    );
}

#[test]
fn a_first_chapter_with_a_long_list_before_the_second_is_kept() {
    let shape = shape("long_chapter_before_its_second.txt");
    let chapters: Vec<&String> = shape.iter().filter(|l| l.starts_with("1 ")).collect();
    assert_eq!(chapters, ["1 第一章 总体要求", "1 第二章 保障措施"]);
    assert_eq!(shape.len(), 2 + 120 + 2);
}

#[test]
fn an_inline_point_ends_where_the_next_one_starts() {
    assert_shape(
        "inline_points_separated_by_commas.txt",
        &[
            "1 一、 正视存在的问题",
            "2 一是 人手不足 (inline)",
            "2 二是 经费分散 (inline)",
            "2 三是 信息不通 (inline)",
            "1 二、 明确下步打算",
        ],
    );
}

#[test]
fn inline_points_of_a_body_paragraph_under_a_title_line() {
    assert_shape(
        "inline_points_in_a_body_paragraph.txt",
        &[
            "1 一、 加强组织保障",
            "2 一是 民政局牵头 (inline)",
            "2 二是 财政局保障 (inline)",
            "1 二、 其他事项",
        ],
    );
}

#[test]
fn inline_points_after_the_colon_of_a_title_sentence() {
    assert_shape(
        "inline_points_in_the_title_sentence.txt",
        &[
            "1 一、 当前救助工作存在三个方面的问题：一是人手不足，二是经费分散，三是信息不通",
            "2 一是 人手不足 (inline)",
            "2 二是 经费分散 (inline)",
            "2 三是 信息不通 (inline)",
            "1 二、 下步打算",
        ],
    );
}
