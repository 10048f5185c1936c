//! The Constitution explainers state the text adopted on 2022-10-22, not the 2017 one.
//!
//! Each formulation below is what the 20th National Congress wrote into the
//! Constitution (the official list of changes given by the Congress secretariat on
//! 2022-10-26), or a correction of an article wrongly summarised before. The 2017
//! wordings that the explainers once carried are asserted absent, so a later edit
//! cannot bring them back unnoticed.

use std::path::Path;

use dangxue::core::unit::{Kind, Unit};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn units() -> Vec<Unit> {
    let files = dangxue::store::content::unit_files(&Path::new(ROOT).join("content"))
        .expect("content folder");
    files
        .iter()
        .map(|f| {
            dangxue::store::content::load_file(f)
                .unwrap_or_else(|e| panic!("{}: {e:?}", f.display()))
        })
        .collect()
}

fn unit<'a>(all: &'a [Unit], id: &str) -> &'a Unit {
    all.iter()
        .find(|u| u.meta.id == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

/// Body, note and every question's prompt, choices and explain: all a member reads.
fn everything(u: &Unit) -> String {
    let mut s = format!("{}\n{}\n", u.meta.note.clone().unwrap_or_default(), u.body);
    for q in &u.questions {
        s.push_str(&q.prompt);
        s.push('\n');
        s.push_str(&q.choices.join("\n"));
        s.push('\n');
        s.push_str(&q.explain);
        s.push('\n');
    }
    s
}

#[test]
fn each_explainer_names_its_articles_and_the_2022_text() {
    let all = units();
    for (id, covers) in [
        ("c00-general-program", "总纲"),
        ("c01-members", "第一条至第九条"),
        ("c02-organisational-system", "第十条至第十八条"),
        ("c03-central-organisations", "第十九条至第二十四条"),
        ("c04-local-organisations", "第二十五条至第二十九条"),
        ("c05-basic-organisations", "第三十条至第三十四条"),
        ("c06-cadres", "第三十五条至第三十八条"),
        ("c07-discipline", "第三十九条至第四十四条"),
        ("c08-discipline-inspection", "第四十五条至第四十七条"),
        ("c09-leading-party-groups", "第四十八条至第五十条"),
        ("c10-youth-league", "第五十一条和第五十二条"),
        ("c11-emblem-and-flag", "第五十三条至第五十五条"),
    ] {
        let u = unit(&all, id);
        let first = u.body.split("\n\n").next().unwrap_or_default();
        assert!(
            first.contains(covers),
            "{id}: first paragraph names {covers}"
        );
        assert!(
            first.contains("本单元") && first.contains("2022年10月22日"),
            "{id}: first paragraph says it follows the text adopted on 2022-10-22"
        );
    }
    // Every unit presented as Constitution text says which text it follows.
    for u in all.iter().filter(|u| u.meta.kind == Kind::Constitution) {
        assert!(
            everything(u).contains("2022年10月22日"),
            "{}: which text it follows",
            u.meta.id
        );
    }
}

#[test]
fn the_2022_formulations_are_in_the_explainers() {
    let all = units();
    for (id, wording) in [
        // 总纲: five basic requirements of Party building became six.
        ("c00-general-program", "六项基本要求"),
        ("c00-general-program", "第三，坚持新时代党的组织路线"),
        ("c00-general-program", "第六，坚持从严管党治党"),
        (
            "c00-general-program",
            "以中国式现代化全面推进中华民族伟大复兴",
        ),
        ("c00-general-program", "到2035年基本实现社会主义现代化"),
        // Art. 3 (一)(二).
        ("c01-members", "八项义务"),
        ("c01-members", "学习党的基本知识和党的历史"),
        (
            "c01-members",
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”",
        ),
        // The democratic-centralism sentence belongs to the 总纲, not Art. 10.
        (
            "c02-organisational-system",
            "总纲在党的建设基本要求中指出，民主集中制是民主基础上的集中和集中指导下的民主相结合",
        ),
        // Art. 30, 32 (二), 33 ¶1.
        ("c05-basic-organisations", "学校、医院、科研院所"),
        ("c05-basic-organisations", "推进党史学习教育常态化制度化"),
        (
            "c05-basic-organisations",
            "统一领导本地区基层各类组织和各项工作，加强基层社会治理，支持和保证行政组织、经济组织和群众自治组织充分行使职权",
        ),
        ("c05-basic-organisations", "第三十三条分别说明了"),
        // Art. 36 (五).
        ("c06-cadres", "反对特权思想和特权现象"),
        // Art. 40 ¶2 and Art. 44.
        ("c07-discipline", "给以批评教育、责令检查、诫勉直至纪律处分"),
        ("c07-discipline", "应根据情节严重的程度"),
        ("c07-discipline", "并报再上一级党委审查批准"),
        // Art. 45 ¶4, Art. 46 ¶1, ¶3-4 and Art. 47.
        (
            "c08-discipline-inspection",
            "按照规定向有关国有企业、事业单位派驻党的纪律检查组",
        ),
        (
            "c08-discipline-inspection",
            "组织协调反腐败工作，推动完善党和国家监督体系",
        ),
        ("c08-discipline-inspection", "第四十六条还规定了报告制度"),
        ("c08-discipline-inspection", "涉及常务委员的"),
        (
            "c08-discipline-inspection",
            "有权批准和改变下级纪委对案件所作的决定",
        ),
        // Art. 48 and Art. 50.
        ("c09-leading-party-groups", "党组发挥领导作用"),
        (
            "c09-leading-party-groups",
            "在对下属单位实行集中统一领导的国家工作部门和有关单位的领导机关中，可以建立党委",
        ),
        // Art. 51.
        ("c10-youth-league", "先进青年的群团组织"),
        // Art. 27 as the Constitution words it, in the newspaper's excerpt.
        ("a001-local-party-committees", "同级党代表大会的决议"),
    ] {
        let u = unit(&all, id);
        assert!(u.body.contains(wording), "{id}: body lacks {wording:?}");
    }
}

#[test]
fn the_2017_wordings_and_misattributions_are_gone() {
    let all = units();
    let explainers: Vec<&Unit> = all
        .iter()
        .filter(|u| u.meta.kind == Kind::Constitution)
        .collect();
    assert!(explainers.len() >= 13);
    for u in &explainers {
        let text = everything(u);
        for old in [
            "四项基本要求",
            "五项基本要求",
            "六个组成部分",
            "要领导本地区的工作和基层社会治理",
            "从批评教育直到纪律处分",
            "先进青年的组织",
            "立案审查",
            "同级代表大会的决议",
            "具体做法来自",
            "党组在本单位起领导作用",
            "第三十三条等条文",
        ] {
            assert!(!text.contains(old), "{}: still says {old:?}", u.meta.id);
        }
    }
    // Art. 46 ¶3-4 hold the reporting rules; nothing credits them to Art. 47 again.
    let c08 = unit(&all, "c08-discipline-inspection");
    for sentence in everything(c08).split(['。', '\n']) {
        if sentence.contains("第四十七条") {
            assert!(
                !sentence.contains("报告") && !sentence.contains("初步核实"),
                "c08 credits a reporting rule to Art. 47: {sentence}"
            );
        }
    }
    // Art. 44: the higher committee must decide, it is not left to discretion.
    assert!(!unit(&all, "c07-discipline").body.contains("可以作出改组"));
    // Art. 50 in its 2022 scope, in the question as well as the body.
    let c09 = unit(&all, "c09-leading-party-groups");
    let q5 = c09.questions.iter().find(|q| q.id == "q5").expect("c09 q5");
    assert!(q5.prompt.contains("和有关单位的领导机关"), "{}", q5.prompt);
}

#[test]
fn every_2022_change_has_a_question_quoting_it() {
    let all = units();
    for (id, qid, quoted) in [
        ("c00-general-program", "q7", "坚持新时代党的组织路线"),
        ("c00-general-program", "q8", "坚持新时代党的组织路线"),
        (
            "c00-general-program",
            "q9",
            "以中国式现代化全面推进中华民族伟大复兴",
        ),
        (
            "c00-general-program",
            "q6",
            "到2035年基本实现社会主义现代化",
        ),
        ("c01-members", "q7", "学习党的基本知识和党的历史"),
        ("c05-basic-organisations", "q7", "医院"),
        (
            "c05-basic-organisations",
            "q8",
            "推进党史学习教育常态化制度化",
        ),
        (
            "c05-basic-organisations",
            "q9",
            "统一领导本地区基层各类组织和各项工作",
        ),
        ("c06-cadres", "q7", "反对特权思想和特权现象"),
        (
            "c07-discipline",
            "q7",
            "给以批评教育、责令检查、诫勉直至纪律处分",
        ),
        (
            "c08-discipline-inspection",
            "q7",
            "按照规定向有关国有企业、事业单位派驻党的纪律检查组",
        ),
        (
            "c08-discipline-inspection",
            "q8",
            "推动完善党和国家监督体系",
        ),
        ("c09-leading-party-groups", "q7", "党组发挥领导作用"),
        ("c09-leading-party-groups", "q5", "和有关单位的领导机关中"),
        ("c09-leading-party-groups", "q8", "和有关单位的领导机关中"),
    ] {
        let u = unit(&all, id);
        let q = u
            .questions
            .iter()
            .find(|q| q.id == qid)
            .unwrap_or_else(|| panic!("{id}: no question {qid}"));
        assert!(
            q.explain.contains("2022") && q.explain.contains(quoted),
            "{id} {qid}: the explain quotes the 2022 wording {quoted:?}: {}",
            q.explain
        );
        assert!(
            u.body.contains(quoted),
            "{id} {qid}: answerable from the unit"
        );
    }
}

#[test]
fn the_abridged_excerpt_says_so_and_names_its_articles() {
    let all = units();
    let u = unit(&all, "a001-local-party-committees");
    let note = u.meta.note.as_deref().unwrap_or_default();
    for word in [
        "节录",
        "第二十七条",
        "第二十八条",
        "有删节",
        "2022年10月22日",
    ] {
        assert!(note.contains(word), "note lacks {word:?}: {note}");
    }
}

#[test]
fn fill_answers_accept_what_a_member_would_type() {
    let all = units();
    for (id, qid, typed, right) in [
        ("c06-cadres", "q5", "忠诚、干净、担当", true),
        ("c06-cadres", "q5", "忠诚，干净，担当。", true),
        ("c01-members", "q5", "半年", true),
        ("c01-members", "q5", "六个月", true),
        ("c01-members", "q5", "三个月", false),
        ("a001-zalantun-cadre-initiative", "q2", "47.5", true),
        ("a001-zalantun-cadre-initiative", "q2", "47.5%", true),
        ("a001-zalantun-cadre-initiative", "q2", "47", false),
        ("a000-brief-alxa-water-delivery", "q1", "80余", true),
        ("a000-brief-alxa-water-delivery", "q1", "八十多吨", true),
        ("a000-brief-alxa-water-delivery", "q1", "80", false),
        (
            "a001-chayouhouqi-rural-revitalization",
            "q1",
            "七十六",
            true,
        ),
        (
            "a001-chayouhouqi-rural-revitalization",
            "q1",
            "七十六个",
            true,
        ),
        ("c09-leading-party-groups", "q5", "党的委员会", true),
        ("c09-leading-party-groups", "q5", "党组", false),
        (
            "a004-chifeng-party-building-governance",
            "q3",
            "枫桥经验",
            true,
        ),
        (
            "a000-yuanbaoshan-immersive-party-building",
            "q3",
            "数字化党建",
            true,
        ),
        ("c00-general-program", "q8", "坚持新时代党的组织路线", true),
        ("c05-basic-organisations", "q8", "常态化、制度化", true),
    ] {
        let u = unit(&all, id);
        let q = u
            .questions
            .iter()
            .find(|q| q.id == qid)
            .unwrap_or_else(|| panic!("{id}: no question {qid}"));
        assert_eq!(
            dangxue::core::quiz::is_correct(q, typed),
            right,
            "{id} {qid}: {typed:?}"
        );
    }
    // A fill prompt does not promise a length that an accepted form breaks.
    let q3 = unit(&all, "a000-yuanbaoshan-immersive-party-building")
        .questions
        .iter()
        .find(|q| q.id == "q3")
        .expect("q3");
    assert!(!q3.prompt.contains("个字"), "{}", q3.prompt);
}
