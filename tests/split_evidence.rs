//! One test per kind of start evidence: a short text of our own where the kind holds on a given
//! line, and what it does there (starts a speech, or keeps one from starting). The table must
//! name every kind, so a new kind cannot come without its test.

use tigang::clean::{CleanOptions, clean};
use tigang::split::{StartEvidence, segment};

use StartEvidence::*;

/// (kind, text, 1-based line where the kind holds, whether a speech starts on that line).
const CASES: &[(StartEvidence, &str, usize, bool)] = &[
    (FileStart, "一、学习。内容很多。\n", 1, true),
    (
        SpeechTitle,
        "一、学习。内容很多。\n二、落实。内容很多。\n三、保障。内容很多。\n四、总结。内容很多。\n在全市工作会议上的讲话\n同志们：\n一、提高认识。内容。\n二、狠抓落实。内容。\n三、加强保障。内容。\n",
        5,
        true,
    ),
    (
        TitleOverSubtitle,
        "一、学习。内容很多。\n二、落实。内容很多。\n三、保障。内容很多。\n四、总结。内容很多。\n凝心聚力，真抓实干，奋力开创全市工作新局面\n——在全市工作会议上的讲话\n同志们：\n一、提高认识。内容。\n二、狠抓落实。内容。\n",
        5,
        true,
    ),
    (
        DocumentTitle,
        "关于做好秋季防火工作的通知\n各乡镇：\n一、落实责任。要落实。\n二、加强巡查。要巡查。\n三、及时报告。要报告。\n\n关于开展农田水利建设的意见\n为补齐短板，提出如下意见。\n一、明确重点。要明确。\n二、保障资金。要保障。\n",
        7,
        true,
    ),
    (
        MarkdownTitle,
        "# 某某党建网\n\n## 支部书记谈学习体会\n学习要深入。\n学习要联系实际。\n学习要见行动。\n\n## 社区干部谈为民服务\n服务要用心。\n服务要到位。\n服务要持久。\n",
        8,
        true,
    ),
    (
        AfterSignOff,
        "关于做好秋季防火工作的通知\n一、落实责任。要落实。\n二、加强巡查。要巡查。\n某县应急管理局\n2024年9月12日\n某县农田建设项目验收规则汇编选登\n验收分两步。\n先由县里初验。\n再由市里终验。\n",
        6,
        true,
    ),
    (
        AnnexedDocument,
        "在全镇工作会议上的讲话\n同志们：\n一、抓落实。要落实。\n二、抓保障。要保障。\n谢谢大家！\n\n附件1\n关于推进乡村振兴的实施方案\n为落实部署，制定本方案。一要明确目标。二要压实责任。\n一、总体要求。要求明确。\n二、主要任务。任务清楚。\n",
        7,
        true,
    ),
    (
        TitleField,
        "标题：关于做好防汛工作的通知\n发布时间：2026-05-01\n一、压实责任。要压实。\n二、排查隐患。要排查。\n标题：区长在全区经济运行分析会上的讲话\n发布时间：2026-05-02\n同志们：\n一、稳增长。要稳。\n二、促发展。要促进。\n",
        5,
        true,
    ),
    (
        TitleOverByline,
        "加快补齐县域医疗短板\n市政协委员、县人民医院院长　李华\n县域医疗还有短板。人才留不住。设备跟不上。\n一是培养人才。要培养。\n\n以数字化改革提升政务服务效能\n市政协委员、市数据局副局长　王强\n政务服务还要提速。\n群众办事还要跑腿。\n数据还不共享。\n",
        6,
        true,
    ),
    (
        AfterSeparator,
        "一、学习。内容很多。\n二、落实。内容很多。\n三、保障。内容很多。\n\n* * *\n\n坚持人民至上办好民生实事\n民生无小事。\n民生连民心。\n民生要落实。\n",
        7,
        true,
    ),
    (
        Appendix,
        "一、学习。内容很多。\n二、落实。内容很多。\n三、保障。内容很多。\n四、总结。内容很多。\n附录：关于整风的决定\n一、要整风。内容。\n",
        5,
        true,
    ),
    (
        DocumentLabel,
        "一、学习。内容很多。\n二、落实。内容很多。\n三、保障。内容很多。\n四、总结。内容很多。\n【某某文件】\n《关于整顿作风的规定》\n一、严守纪律。内容。\n",
        5,
        true,
    ),
    (
        NumberedDocument,
        "关于几件事的指示\n一\n要抓紧。内容。\n(一九五一年十一月三十日)\n二\n一、查明情况。\n二、分别处理。\n(一九五二年三月五日)\n",
        5,
        true,
    ),
    (
        Salutation,
        "在学习会上的讲话\n同志们：\n一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n谢谢大家！\n各位领导、同志们：\n一、表态。内容。\n",
        7,
        true,
    ),
    (
        AfterClosing,
        "一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n以上发言，不妥之处，请批评指正。\n今年以来，我们狠抓落实。\n一、落实。内容。\n",
        5,
        true,
    ),
    (
        AfterFinalAddress,
        "一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n同志们，任务艰巨，让我们团结一心，奋勇前进！\n这次全会的任务是总结工作、部署任务。\n一、总结。内容。\n",
        5,
        true,
    ),
    (
        MeetingOpening,
        "一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n四、总结。内容。\n今天我们在这里召开全区安全生产工作会议，主要任务是部署工作。\n一、认清形势。内容。\n",
        5,
        true,
    ),
    (
        SiteBlurb,
        "一、学习。内容很多。\n二、落实。内容很多。\n下面是本站为大家整理的发言稿，供大家参考。意识形态工作很重要。\n一、提高认识。内容。\n",
        3,
        true,
    ),
    (
        CopyOfOpening,
        "一、学习。内容。\n谢谢大家！\n过去一年，我们坚持把社区治理作为基层工作的重心来抓。\n一是建强队伍。内容。\n二是完善机制。内容。\n过去一年，我们坚持把社区治理作为基层工作的重心来抓。\n一是建强队伍。内容。\n",
        6,
        true,
    ),
    (
        NewSpeaker,
        "王大文議員：主席，我想問局長兩點。第一，進度如何？\n保安局局長：主席，多謝議員。工程年底完成。\n",
        2,
        true,
    ),
    (
        ChairHoldsOutline,
        "张华（区发改局局长）：我先说。项目进展顺利。\n主持人：谢谢大家。我归纳三点：\n一、抓紧梳理问题。要梳理。\n二、明确责任单位。要明确。\n",
        2,
        true,
    ),
    (
        ContinuesLine,
        "本文由某县应急管理局发布，转载请注明出处\n标题：关于做好防火工作的通知\n一、落实责任。要落实。\n",
        2,
        false,
    ),
    (
        NoSubstance,
        "在学习会上的讲话\n同志们：\n一、学习。内容。\n二、落实。内容。\n谢谢大家！\n相关推荐\n某某会议上的讲话\n某某会议上的发言\n",
        7,
        false,
    ),
    (
        StageDirection,
        "一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n谢谢大家！\n（全场鼓掌）\n",
        5,
        false,
    ),
    (
        PageFurniture,
        "一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n谢谢大家！\n【下载】【打印】【关闭】\n",
        5,
        false,
    ),
    (
        UnderAnnexLabel,
        "在全镇工作会议上的讲话\n同志们：\n一、抓落实。要落实。\n二、抓保障。要保障。\n谢谢大家！\n\n附件1\n关于推进乡村振兴的实施方案\n为落实部署，制定本方案。一要明确目标。二要压实责任。\n一、总体要求。要求明确。\n",
        8,
        false,
    ),
    (
        AttachedToSpeech,
        "在全镇工作会议上的讲话\n同志们：\n一、抓落实。要落实。\n二、抓保障。要保障。\n谢谢大家！\n附：名词解释\n1.河长制：由各级党政负责人担任河长。\n2.林长制：由各级党政负责人担任林长。\n",
        6,
        false,
    ),
    (
        NotesOfSpeech,
        "一、学习。内容。\n二、落实。内容。\n三、保障。内容。\n谢谢大家！\n注释\n〔1〕某会议，指某年召开的会议。\n",
        5,
        false,
    ),
    (
        InsideHeader,
        "在全区工作会议上的讲话\n（2018年9月20日）\n王晓峰\n同志们：\n一、学习。内容。\n",
        4,
        false,
    ),
    (
        EmptySpeech,
        "——————\n第二次会议上的讲话\n一、落实。内容。\n谢谢大家！\n",
        2,
        false,
    ),
    (
        ChairTurn,
        "王大文議員：主席，我想問局長。進度如何？\n主席：局長，請答覆。\n保安局局長：主席，工程年底完成。\n",
        2,
        false,
    ),
    (
        SameSpeakerResumes,
        "王大文議員：主席，我想問局長。進度如何？\n主席：局長，請答覆。\n保安局局長：主席，工程年底完成。\n主席：王議員，你的補充質詢。\n王大文議員：主席，局長沒有答覆預算。\n主席：局長。\n王大文議員：主席，我想再問一次。\n",
        7,
        false,
    ),
    (
        ResumesAfterBreak,
        "行政長官：主席，今年我想談兩方面的工作。一、房屋。我們會增加供應……\n主席：行政長官，請稍等。\n陳大文議員：主席，我抗議！\n主席：請繼續。\n行政長官：多謝主席。二、經濟。我們會穩定增長。\n",
        5,
        false,
    ),
    (
        Interjection,
        "行政長官：主席，今年我想談兩方面的工作。一、房屋。我們會增加供應。\n李美儀議員：主席，規程問題。會議廳是否仍有法定人數？\n主席：請繼續。\n",
        2,
        false,
    ),
    (
        MovesWording,
        "張三議員：主席，我想談三點。第一是教育。\n李四議員：主席，我動議修正議案。多謝主席。\n李四議員就議案動議的\n修正案如下：\n",
        2,
        false,
    ),
    (
        OutOfTurn,
        "張三議員：主席，我想談三點。第一是教育。第二是房屋。\n(李四議員站起來)\n李四議員：主席，我要求點算人數。\n",
        3,
        false,
    ),
    (
        TimerTail,
        "張三議員：主席，我想談三點。第一是教育。第二是房屋。\n李四議員：主席，我支持議案。我們要努力。\n張三議員： ……我希望政府聽取意見。\n",
        3,
        false,
    ),
];

#[test]
fn every_kind_of_start_evidence_holds_where_its_text_says() {
    let mut failures = Vec::new();
    for &(kind, text, line, starts) in CASES {
        let seg = segment(&clean(text, CleanOptions::default()));
        let started = seg
            .speeches
            .iter()
            .map(|s| &s.start)
            .find(|s| s.line == line);
        let passed = seg.passed_over.iter().find(|s| s.line == line);
        let holds = started
            .or(passed)
            .is_some_and(|s| s.evidence.contains(&kind));
        if !holds {
            failures.push(format!(
                "{kind}: not found on line {line} (starts {:?}, passed over {:?})",
                seg.speeches
                    .iter()
                    .map(|s| (s.start.line, s.start.evidence.clone()))
                    .collect::<Vec<_>>(),
                seg.passed_over
                    .iter()
                    .map(|s| (s.line, s.evidence.clone()))
                    .collect::<Vec<_>>()
            ));
        } else if started.is_some() != starts {
            failures.push(format!(
                "{kind}: line {line} {} a speech",
                if starts { "does not start" } else { "starts" }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_names_every_kind() {
    for kind in StartEvidence::ALL {
        assert!(
            CASES.iter().any(|c| c.0 == kind),
            "{kind} has no case in CASES"
        );
    }
}
