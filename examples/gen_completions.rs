//! Writes N completion files for benchmarking `dangxue report`:
//! `cargo run --release --example gen_completions -- DIR N`.
//!
//! Members read four to six built-in units, write a reflection, a talk and a survey of
//! realistic length, and take the cycle test; every tenth file claims a higher score
//! than its answers earn, so the report has problems to list.
//!
//! `gen_completions DIR N PLAN` also signs every file as `export` would (an ed25519
//! key per member, made from the member's number) and writes the roster with those
//! keys to the plan file PLAN, for the signed-report benchmark.

use std::fmt::Write as _;
use std::path::PathBuf;

use dangxue::core::completion::{Completion, test_draw_for_state};
use dangxue::core::regime::{Cycle, Rules};
use dangxue::core::state::{
    CycleReading, CycleWork, GivenAnswer, MemberState, Reflection, Survey, Talk, TestRecord,
    UnitProgress,
};
use dangxue::core::unit::{Answer, Catalog};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: gen_completions DIR N"))?,
    );
    let n: usize = args.next().unwrap_or_else(|| "10000".into()).parse()?;
    let plan = args.next().map(PathBuf::from);
    let mut roster = String::from("format = \"dangxue-plan/1\"\n");
    std::fs::create_dir_all(&dir)?;
    let lib = dangxue::store::content::load_builtin();
    let ids: Vec<String> = lib
        .iter()
        .filter(|u| !u.questions.is_empty())
        .map(|u| u.meta.id.clone())
        .collect();
    anyhow::ensure!(
        ids.len() >= 6,
        "the built-in content has too few units with questions"
    );
    let cycle: Cycle = "2026-11".parse()?;
    let rules = Rules::default();
    let paragraph = "学习贯彻党的二十大精神,要坚持把党的政治建设摆在首位,深入基层调查研究,认真听取群众意见,切实解决群众急难愁盼问题。";
    for i in 0..n {
        let id = format!("m{i:05}");
        let mut s = MemberState::new(&id, &format!("党员{i}"));
        let reads = 4 + i % 3;
        for k in 0..reads {
            let unit = &ids[(i * 7 + k * 3) % ids.len()];
            let mut p = UnitProgress::default();
            p.cycles.insert(
                cycle.to_string(),
                CycleReading {
                    seconds: 150 + (i as u64 * 37 + k as u64 * 11) % 900,
                    reached_end: true,
                    furthest: 0,
                    finished: Some(
                        format!("2026-11-{:02}T20:{:02}:00+08:00", 2 + k * 3, i % 60).parse()?,
                    ),
                },
            );
            s.units.insert(unit.clone(), p);
        }
        let taken: toml::value::Datetime = "2026-11-27T19:30:00+08:00".parse()?;
        let draw = test_draw_for_state(&s, &cycle, &taken, &rules, None, &lib);
        let answers = draw
            .iter()
            .enumerate()
            .map(|(j, (u, q))| {
                let question = lib.unit(u).and_then(|unit| unit.question(q));
                let right = match question.map(|q| &q.answer) {
                    Some(Answer::Choices(set)) => set.iter().collect::<String>(),
                    Some(Answer::Judge(b)) => b.to_string(),
                    Some(Answer::Fill(forms)) => forms.first().cloned().unwrap_or_default(),
                    None => String::new(),
                };
                // Most members miss one or two questions.
                let given = if (i + j) % 7 == 0 {
                    "A".to_string()
                } else {
                    right
                };
                GivenAnswer {
                    unit: u.clone(),
                    question: q.clone(),
                    given,
                }
            })
            .collect();
        s.cycles.insert(
            cycle.to_string(),
            CycleWork {
                reflection: Some(Reflection {
                    unit: s.units.keys().next().cloned(),
                    text: paragraph.repeat(6 + i % 4),
                }),
                talk: Some(Talk {
                    topic: "党建引领基层治理".into(),
                    outline: format!("一、{paragraph}\n二、{paragraph}\n三、{paragraph}"),
                    delivered: Some(format!("2026-11-{:02}", 10 + i % 15).parse()?),
                }),
                test: Some(TestRecord {
                    taken,
                    answers,
                    submitted: true,
                    submitted_at: None,
                }),
                survey: Some(Survey {
                    title: "社区红色物业调研".into(),
                    text: paragraph.repeat(8 + i % 5),
                }),
            },
        );
        let exported = "2026-11-30T21:04:00+08:00".parse()?;
        let mut c = Completion::from_state(&s, &cycle, exported, &rules, None, &lib);
        if i % 10 == 9
            && let Some(cl) = c.claimed.as_mut()
        {
            cl.score = Some(100);
            cl.study = true;
        }
        let path = dir.join(format!("{id}-{cycle}.toml"));
        let text = c.to_toml();
        std::fs::write(&path, &text)?;
        if plan.is_some() {
            let mut seed = [0u8; 32];
            seed[..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
            let key = ssh_key::PrivateKey::from(ssh_key::private::Ed25519Keypair::from_seed(&seed));
            let sig = key.sign(
                dangxue::core::sshsig::NAMESPACE,
                ssh_key::HashAlg::Sha512,
                text.as_bytes(),
            )?;
            std::fs::write(
                dangxue::store::handin::sig_path(&path),
                sig.to_pem(ssh_key::LineEnding::LF)?,
            )?;
            let public = key.public_key().to_openssh()?;
            let _ = write!(
                roster,
                "\n[[member]]\nid = \"{id}\"\nname = \"成员{i}\"\nkey = \"{public}\"\n"
            );
        }
    }
    if let Some(plan) = plan {
        std::fs::write(plan, roster)?;
    }
    Ok(())
}
