//! Transcript turns: who speaks, and whether their turn starts a speech.

use super::evidence::StartEvidence;
use crate::clean::Line;
use regex::Regex;
use std::sync::LazyLock;

static TURN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // The office or title that ends a speaker's label: 王某某議員, 保安局局長, 卓某某理事長.
    Regex::new(
        r"(議員|议员|局長|局长|司長|司长|署長|署长|部長|部长|處長|处长|秘書長|秘书长|長官|长官|專員|专员|委員|委员|理事長|理事长|理事|主任|教授|教師|教师|醫師|医师|老師|老师|院長|院长|主任委員|主任委员|總經理|总经理|執行長|执行长|總裁|总裁|同志|書記|书记|縣長|县长|市長|市长|省長|省长|區長|区长|鄉長|乡长|鎮長|镇长|校長|校长|所長|所长|廠長|厂长|經理|经理|董事長|董事长|會長|会长|記者|记者|發言人|发言人|研究員|研究员|发布人|發佈人|發布人|主讲人|主講人|嘉宾|嘉賓)$",
    )
    .expect("valid")
});

static TURN_OFFICE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    // A surname, an office and a given name, as Taiwan's records write a speaker: 鄭司長乃文,
    // 高委員虹安, 張副署長美美.
    Regex::new(
        r"^\p{Han}{1,2}副?(司長|署長|部長|次長|局長|處長|主任委員|委員|主委|院長|董事長|總經理|理事長|執行長|總裁|主任|秘書長|市長|縣長|議員|议员|議長|县长|处长|局长)\p{Han}{1,2}$",
    )
        .expect("valid")
});

static CHAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}{0,6}主席|主持人)$").expect("valid"));

/// A transcript turn: a speaker's label, a colon, and what they say (王某某議員：主席，…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Turn<'a> {
    /// The label as written: 勞工及福利局局長, 張三議員, 主席.
    pub speaker: &'a str,
    /// The chair (主席, 副主席) keeps order; their turns are procedure.
    pub chair: bool,
    /// What follows the colon.
    pub said: &'a str,
}

/// Whether `text` opens with a transcript turn's speaker label (王某某議員：…, 主席：…, also after
/// the agenda number of a question): the nesting stage reads `1. 謝某某議員：` as a speaker line,
/// not a point.
pub fn is_turn(text: &str) -> bool {
    turn(text).is_some()
}

/// Read a turn from a paragraph's first line. The label is a short run of Han characters before
/// a colon (：, :, or ︰ as some records print it), after the agenda number of a question
/// (`1. 謝某某議員：`); it names a participant when it ends with an office or title, is a surname,
/// office and given name, or when the turn opens by addressing the chair.
pub(super) fn turn(text: &str) -> Option<Turn<'_>> {
    read_turn(text).and_then(|(t, known)| known.then_some(t))
}

/// A turn's label and what follows it, and whether the label alone names a participant or the
/// chair; a bare name (冯启明：) is read too, for the file to recognise as a speaker it names
/// elsewhere.
fn read_turn(text: &str) -> Option<(Turn<'_>, bool)> {
    // A turn names its speaker in the line's first few characters: cheap tests first.
    // A label is at most 26 characters after an agenda number: its colon is in the first 96
    // bytes (：is EF BC 9A, ︰ EF B8 B0 in UTF-8).
    if let Some(t) = bracket_turn(text) {
        return Some(t);
    }
    let bytes = &text.as_bytes()[..text.len().min(96)];
    let colon = memchr::memchr(b':', bytes).is_some()
        || memchr::memmem::find(bytes, "：".as_bytes()).is_some()
        || memchr::memmem::find(bytes, "︰".as_bytes()).is_some();
    if !colon {
        return None;
    }
    // After the agenda number of a question (1. 謝某某議員：) or a record's margin line number
    // (12  主席：).
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let body = if digits.len() == text.len() {
        text
    } else if let Some(rest) = digits.strip_prefix('.') {
        rest
    } else if digits.starts_with([' ', '\u{3000}']) {
        digits
    } else {
        text
    }
    .trim_start();
    let colon = body.find(['：', ':', '︰'])?;
    let (speaker, rest) = body.split_at(colon);
    // Bold labels (**发布人 张强：**) keep the closing asterisks after the colon; a footnote
    // number may follow the label (…秘書長（規劃及地政）3：).
    let speaker = speaker
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches('*');
    let said = rest[rest.chars().next()?.len_utf8()..]
        .trim_start_matches('*')
        .trim_start();
    // The label as a reader reads it: records made from PDFs space a name out (王 大 文 議員,
    // 局 長), and some put the office before the name (区财政局局长 李平).
    let label: String = speaker.chars().filter(|c| !is_space(*c)).collect();
    // A name followed by who they are in brackets: 何平（市财政局副局长）.
    let bracketed = bracketed_office(&label);
    let n = label.chars().count();
    // 答： answers a journalist's question at a press conference (kept only after one).
    if label == "答" || label == "答复" || label == "答覆" {
        return Some((
            Turn {
                speaker: "答",
                chair: false,
                said,
            },
            true,
        ));
    }
    let qualified = qualified_office(&label);
    if !(2..=if bracketed.is_some() || qualified {
        26
    } else {
        14
    })
        .contains(&n)
    {
        return None;
    }
    if bracketed.is_none()
        && !qualified
        && !speaker.contains(is_space)
        && !label.chars().all(crate::clean::is_han)
    {
        return None;
    }
    let spaced_office = speaker.contains(is_space) && {
        let parts: Vec<&str> = speaker.split(is_space).filter(|p| !p.is_empty()).collect();
        // Letter-spaced (every part one or two characters), or an office and a name.
        parts.iter().all(|p| p.chars().count() <= 2)
            || parts.len() == 2
                && (TURN_TITLE.is_match(parts[0])
                    || CHAIR.is_match(parts[0])
                    || is_delegate(parts[0]))
                && ((2..=4).contains(&parts[1].chars().count())
                    || bracketed_office(parts[1]).is_some())
    };
    if speaker.contains(is_space) && !spaced_office {
        return None;
    }
    let speaker_key = label.as_str();
    // 出席議員： / 缺席議員： head the record's attendance lists, not a member's turn; a label
    // names a person, not a clause (我想問局長：…).
    // 各位代表： / 尊敬的…： are salutations, not speakers.
    if [
        "出席", "缺席", "列席", "我", "你", "他", "她", "您", "各位", "尊敬",
    ]
    .iter()
    .any(|w| speaker_key.starts_with(w))
    {
        return None;
    }
    let first_part = speaker.split(is_space).next().unwrap_or(speaker);
    let chair = CHAIR.is_match(speaker_key)
        || bracketed.is_some_and(|(name, _)| CHAIR.is_match(name))
        || speaker.contains(is_space) && CHAIR.is_match(first_part);
    // A bare name is a speaker when the record names who they are at once: 张三：（某公司董事长）….
    let introduced = n <= 4 && said.starts_with(['（', '(']) && {
        let inside: String = said
            .chars()
            .skip(1)
            .take_while(|&c| c != '）' && c != ')')
            .collect();
        TURN_TITLE.is_match(&inside) || inside.ends_with("总") || inside.ends_with("總")
    };
    // A turn that opens by thanking or addressing the chair or the moderator.
    let addresses_chair = [
        "主席",
        "谢谢主持人",
        "謝謝主持人",
        "感谢主持人",
        "感謝主持人",
        "主持人",
    ]
    .iter()
    .any(|w| said.starts_with(w));
    let participant = TURN_TITLE.is_match(speaker_key)
        || TURN_OFFICE_NAME.is_match(speaker_key)
        || is_delegate(speaker_key)
        || bracketed.is_some()
        || qualified
        || reports(&label)
        || role_and_name(&label)
        || one_to_another(&label)
        || spaced_office && speaker.split(is_space).filter(|p| !p.is_empty()).count() == 2
        || addresses_chair
        || introduced;
    // 主持人：县长　丁永明 in a meeting's agenda names who chairs; it is no turn.
    if crate::split::header::is_speaker(said) && said.contains(is_space) {
        return None;
    }
    let known = chair || participant;
    // Otherwise a bare name (冯启明：…) may still be a speaker the record names elsewhere.
    (known || n <= 4 && label.chars().all(crate::clean::is_han)).then_some((
        Turn {
            speaker,
            chair,
            said,
        },
        known,
    ))
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// `name（office）`: a name of two to four characters, then who they are in brackets (市财政局副局长,
/// 种植大户, 村民代表), as 座谈会 records write a speaker.
fn bracketed_office(label: &str) -> Option<(&str, &str)> {
    let open = label.find(['（', '('])?;
    let (name, rest) = label.split_at(open);
    let inside = rest[rest.chars().next()?.len_utf8()..].strip_suffix(['）', ')'])?;
    let han = |t: &str| !t.is_empty() && t.chars().all(crate::clean::is_han);
    ((2..=4).contains(&name.chars().count())
        && han(name)
        && (2..=20).contains(&inside.chars().count())
        && inside.chars().all(|c| crate::clean::is_han(c) || c == '、'))
    .then_some((name, inside))
}

/// The common surnames a person's name opens with (one character, or a compound 欧阳, 司马 …).
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛阎閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蓝蓝闫闫";

/// A person's name: a common surname and one or two characters (鲁建军), or a compound surname
/// and one or two (欧阳婷).
fn is_person_name(label: &str) -> bool {
    let n = label.chars().count();
    let compound = [
        "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐",
    ]
    .iter()
    .any(|c| label.starts_with(c));
    label.chars().all(crate::clean::is_han)
        && if compound {
            (3..=4).contains(&n)
        } else {
            (2..=3).contains(&n) && label.chars().next().is_some_and(|c| SURNAMES.contains(c))
        }
}

/// A speaker's label in brackets at a paragraph's start, the words on the same line:
/// 【周延年代表】这份报告…, as 简报 print who spoke.
fn bracket_turn(text: &str) -> Option<(Turn<'_>, bool)> {
    let inner = text.strip_prefix('【')?;
    let close = inner.find('】')?;
    let (label, rest) = (
        &inner[..close],
        inner[close + '】'.len_utf8()..].trim_start(),
    );
    let n = label.chars().count();
    let person = (2..=12).contains(&n)
        && label.chars().all(crate::clean::is_han)
        && (TURN_TITLE.is_match(label) || is_delegate(label) || role_and_name(label));
    (person && !rest.is_empty()).then_some((
        Turn {
            speaker: label,
            chair: CHAIR.is_match(label),
            said: rest,
        },
        true,
    ))
}

/// The roles minutes put before a name: 村民张大海, 村民代表赵铁柱, 镇驻村干部冯晓东.
const ROLES: [&str; 14] = [
    "村民代表",
    "居民代表",
    "职工代表",
    "村民",
    "居民",
    "群众",
    "党员",
    "干部",
    "会计",
    "委员",
    "代表",
    "专家",
    "教师",
    "学生",
];

/// A role and a person's name (村民张大海), or a role alone that minutes use as a label (会计).
fn role_and_name(label: &str) -> bool {
    if ["会计", "會計", "出纳", "出納", "记录员", "記錄員"].contains(&label) {
        return true;
    }
    // The role may end a longer description (镇驻村干部冯晓东).
    ROLES.iter().any(|r| {
        label.match_indices(r).any(|(i, _)| {
            i + r.len() < label.len() && i <= 18 && is_person_name(&label[i + r.len()..])
        })
    })
}

/// One member to another in a meeting of mutual criticism: 马骏对张伟.
fn one_to_another(label: &str) -> bool {
    label
        .split_once('对')
        .or_else(|| label.split_once('對'))
        .is_some_and(|(a, b)| is_person_name(a) && is_person_name(b))
}

/// An office with a bracketed qualifier: 發展局首席助理秘書長（規劃及地政）.
fn qualified_office(label: &str) -> bool {
    let Some(open) = label.find(['（', '(']) else {
        return false;
    };
    label.ends_with(['）', ')']) && TURN_TITLE.is_match(&label[..open])
}

/// A study record's speaker: 冯涛同志发言, 王晓东发言.
fn reports(label: &str) -> bool {
    let Some(name) = label
        .strip_suffix("发言")
        .or_else(|| label.strip_suffix("發言"))
    else {
        return false;
    };
    let name = name
        .strip_suffix("同志")
        .or_else(|| name.strip_suffix("委员"))
        .or_else(|| name.strip_suffix("委員"))
        .unwrap_or(name);
    (2..=4).contains(&name.chars().count()) && name.chars().all(crate::clean::is_han)
}

/// A delegate or a member named by name (李明代表, 王委员): 代表 alone, 各位代表 and 全体代表 are the
/// audience.
fn is_delegate(label: &str) -> bool {
    let n = label.chars().count();
    (label.ends_with("代表") || label.ends_with("委員") || label.ends_with("委员"))
        && (3..=6).contains(&n)
        && ![
            "全体", "全體", "人大", "党代", "黨代", "职工", "職工", "列席", "特邀",
        ]
        .iter()
        .any(|w| label.starts_with(w))
}

/// How far the chair may keep the floor for a broken-off speaker: turns until they take it back.
const BREAK_MAX_TURNS: usize = 16;

/// The chair's words that keep the floor for an interrupted speaker.
const FLOOR_KEPT: [&str; 7] = [
    "請稍等",
    "请稍等",
    "請稍停",
    "请稍停",
    "請繼續",
    "请继续",
    "完成作答",
];

/// The sentences of substance in the paragraph opened at content position `pos`: thanking the
/// chair is courtesy, not a sentence.
fn sentences(lines: &[Line], content: &[usize], pos: usize) -> usize {
    let mut n = 0;
    for (k, &j) in content.iter().enumerate().skip(pos).take(8) {
        if k != pos && !lines[j].continues {
            break;
        }
        let text = lines[j].text.as_ref();
        let courtesies = ["多謝主席。", "謝謝主席。", "多谢主席。", "谢谢主席。"]
            .iter()
            .map(|c| text.matches(c).count())
            .sum::<usize>();
        n += text.matches(['。', '？', '！', '?', '!']).count() - courtesies;
    }
    n
}

/// Whether `word` comes in the first `chars` characters of `text`.
fn head_has(text: &str, word: &str, chars: usize) -> bool {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    text[..end].contains(word)
}

fn ends_broken_off(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// A stage direction in brackets: (李某議員站起來 ).
pub(super) fn is_stage_direction(text: &str) -> bool {
    text.starts_with(['(', '（']) && text.trim_end().ends_with([')', '）'])
}

/// The evidence on each transcript turn of the file: `(content position, turn, evidence)`.
pub(super) fn turn_evidence<'a>(
    lines: &'a [Line],
    content: &[usize],
) -> Vec<(usize, Turn<'a>, Vec<StartEvidence>)> {
    let turns: Vec<(usize, (Turn<'a>, bool), Vec<StartEvidence>)> = content
        .iter()
        .enumerate()
        .filter_map(|(pos, &i)| read_turn(lines[i].text.as_ref()).map(|t| (pos, t, Vec::new())))
        .collect();
    // A bare name is a speaker where the file names them as one elsewhere (冯启明：谢谢主持人。),
    // or where a person's name opens two turns or more (鲁建军：… / 鲁建军：…).
    let mut known: std::collections::HashSet<&str> = turns
        .iter()
        .filter(|(_, (t, known), _)| *known && !t.chair)
        .map(|(_, (t, _), _)| t.speaker)
        .collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, (t, _), _) in &turns {
        if is_person_name(t.speaker) {
            *seen.entry(t.speaker).or_default() += 1;
        }
    }
    // Minutes that name three people or more by bare name are a record of who said what: each
    // named person's label is a turn.
    let named = seen.len() >= 3;
    known.extend(
        seen.into_iter()
            .filter(|&(_, n)| n >= 2 || named)
            .map(|(name, _)| name),
    );
    let mut turns: Vec<(usize, Turn<'a>, Vec<StartEvidence>)> = turns
        .into_iter()
        .filter(|(_, (t, recognised), _)| *recognised || known.contains(t.speaker))
        .map(|(pos, (t, _), ev)| (pos, t, ev))
        .collect();
    // An answer is a turn only after a journalist's question; elsewhere 答： is an interview's
    // layout inside one speech.
    let mut asked = false;
    turns.retain(|(_, t, _)| {
        let keep = t.speaker != "答" || asked;
        asked = ["记者", "記者"].iter().any(|w| t.speaker.ends_with(w));
        keep
    });
    // Broken-off turns whose speaker the chair lets go on: what comes between is interjection.
    let mut k = 0;
    while k < turns.len() {
        let (pos, t, _) = turns[k];
        let end = turns.get(k + 1).map_or(content.len(), |n| n.0);
        let broke_off = !t.chair
            && (pos..end)
                .rev()
                .take(4)
                .any(|p| ends_broken_off(&lines[content[p]].text));
        // The chair keeping the floor for the speaker by name (行政長官，請稍等): an interruption
        // even when the speaker's sentence was complete.
        let floor_kept_for = |c: usize| {
            let chair = &turns[c].1;
            chair.chair
                && FLOOR_KEPT.iter().any(|w| chair.said.contains(w))
                && (broke_off || chair.said.contains(t.speaker))
        };
        let back = (broke_off || !t.chair)
            .then(|| {
                (k + 1..turns.len().min(k + 1 + BREAK_MAX_TURNS))
                    .find(|&m| !turns[m].1.chair && turns[m].1.speaker == t.speaker)
            })
            .flatten()
            .filter(|&m| (k + 1..m).any(floor_kept_for));
        if let Some(m) = back {
            for between in &mut turns[k + 1..m] {
                between.2.push(StartEvidence::Interjection);
            }
            turns[m].2.push(StartEvidence::ResumesAfterBreak);
            k = m;
        } else {
            k += 1;
        }
    }
    let mut last_participant: Option<&str> = None;
    for k in 0..turns.len() {
        let (pos, t, _) = turns[k];
        let mut found = Vec::new();
        if t.chair {
            found.push(StartEvidence::ChairTurn);
            // The chair's closing summary that sets out tasks (一、… 二、…) is a speech.
            let end = turns.get(k + 1).map_or(content.len(), |n| n.0);
            let numbers: std::collections::BTreeSet<u32> = content[pos..end]
                .iter()
                .filter_map(|&j| lines[j].marker.as_ref()?.number)
                .collect();
            if numbers.len() >= 2 {
                found.push(StartEvidence::ChairHoldsOutline);
            }
        } else {
            found.push(StartEvidence::NewSpeaker);
            if last_participant == Some(t.speaker) {
                found.push(StartEvidence::SameSpeakerResumes);
            }
            // A point of order, or a turn that is only a stage direction ((離席抗議)), interrupts
            // the speech in progress; it is no speech, and the speaker before goes on.
            let interjects = is_stage_direction(t.said)
                || [
                    "規程問題",
                    "规程问题",
                    "（插话）",
                    "（插話）",
                    "(插话)",
                    "(插話)",
                ]
                .iter()
                .any(|w| head_has(t.said, w, 30));
            if interjects {
                // Already one when it stands between a broken-off turn and its speaker's return.
                if !turns[k].2.contains(&StartEvidence::Interjection) {
                    found.push(StartEvidence::Interjection);
                }
                turns[k].2.extend(found);
                continue;
            }
            if t.said.starts_with(['…', '.']) {
                found.push(StartEvidence::TimerTail);
            }
            if sentences(lines, content, pos) <= 1 {
                if moves_wording(lines, content, &turns[k..]) {
                    found.push(StartEvidence::MovesWording);
                }
                let rose = content[pos.saturating_sub(3)..pos].iter().any(|&j| {
                    let s = lines[j].text.as_ref();
                    is_stage_direction(s) && s.contains(t.speaker) && s.contains("站起")
                });
                if rose {
                    found.push(StartEvidence::OutOfTurn);
                }
            }
            last_participant = Some(t.speaker);
        }
        turns[k].2.extend(found);
    }
    turns
}

/// Whether the turn `turns[0]` is followed, through the chair's prompts and its speaker's own
/// further turns, by the printed wording of what it moves (…修正案如下：).
fn moves_wording(
    lines: &[Line],
    content: &[usize],
    turns: &[(usize, Turn, Vec<StartEvidence>)],
) -> bool {
    let (pos, t, _) = turns[0];
    let mut next_turn = turns[1..].iter().peekable();
    for p in pos + 1..content.len().min(pos + 17) {
        let line = &lines[content[p]];
        if line.continues {
            continue;
        }
        while next_turn.peek().is_some_and(|n| n.0 < p) {
            next_turn.next();
        }
        if let Some(&&(q, n, _)) = next_turn.peek()
            && q == p
        {
            if n.chair || n.speaker == t.speaker {
                continue;
            }
            return false;
        }
        if is_stage_direction(&line.text) {
            continue;
        }
        // The wording's lead-in may be broken over two lines (…進一步 / 修正案如下：).
        return content[p..]
            .iter()
            .take(2)
            .any(|&l| lines[l].text.contains("如下："));
    }
    false
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn is_turn() {
        assert!(crate::split::is_turn("1. 王大文議員：主席，我想問局長"));
        assert!(!crate::split::is_turn("1.加强学习：要深入"));
    }
}
