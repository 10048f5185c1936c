//! Reading the folder, verifying every file and choosing the output.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::evidence::member_view;
use super::render::{View, csv, html, json, markdown, table};
use crate::cli::Format;
use crate::core::plan::Plan;
use crate::core::regime::Cycle;
use crate::core::report::{self, Problem, Row, Signature, Verifier};
use crate::core::roster::RosterMember;
use crate::core::sshsig::{self, Keyring, Verdict};
use crate::core::unit::Catalog;
use crate::store::completions::{completion_files, owner_uid, read_file, read_sig};
use crate::store::content;
use crate::store::handin;
use crate::store::paths::Paths;

/// What `report` was asked to do.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// `--home`, if given.
    pub home: Option<&'a Path>,
    /// The folder of completion files.
    pub dir: &'a Path,
    /// `--cycle`.
    pub cycle: Option<Cycle>,
    /// `--format`.
    pub format: Format,
    /// `--member`: show this member's evidence instead of the table.
    pub member: Option<&'a str>,
}

/// Run the report, writing it to `out` and notes (broken content) to `err`.
/// `Ok(true)` when every file verified and every roster member handed in.
///
/// # Errors
/// When the config, the plan or the folder cannot be read.
pub fn run(req: &Request<'_>, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<bool> {
    let paths = Paths::resolve(req.home)?;
    let config = crate::store::config::load_config(&paths).map_err(|e| anyhow::anyhow!("{e}"))?;
    let tz = crate::commands::time_zone(&config)?;
    let library = content::load(&config.content_dirs);
    let s = crate::strings::get(config.lang);
    for p in &library.problems {
        let _ = writeln!(err, "dangxue: {}", s.skipped_file(&p.text(config.lang)));
    }
    let plan = crate::commands::load_plan(&config, &paths)?;
    let rules = config.rules();
    let now = jiff::Timestamp::now();
    let today = Cycle::containing(now.to_zoned_datetime(tz.clone()).date(), rules.cycle.length);
    let verifier = Verifier {
        rules: &rules,
        plan: plan.as_ref(),
        catalog: &library,
        now: Some(now),
    };
    let listing = completion_files(req.dir).map_err(|p| anyhow::anyhow!(p.text(config.lang)))?;
    let mut rows = verify_all(&listing.files, &verifier, plan.as_ref());
    rows.extend(
        listing
            .unreadable
            .iter()
            .map(|(name, why)| Row::broken(name, vec![Problem::Unreadable(why.clone())])),
    );
    let report = report::assemble(
        rows,
        plan.as_ref(),
        rules.cycle.length,
        req.cycle,
        today,
        listing.others.clone(),
    );
    if let Some(id) = req.member {
        let (text, ok) = member_view(
            req,
            &report,
            &verifier,
            &library,
            plan.as_ref(),
            config.lang,
            id,
        )?;
        write_out(out, &text)?;
        return Ok(ok);
    }
    let dir = req.dir.display().to_string();
    let view = View {
        report: &report,
        lang: config.lang,
        length: rules.cycle.length,
        branch: plan.as_ref().and_then(|p| p.branch.as_deref()),
        dir: &dir,
    };
    let text = match req.format {
        Format::Table => table(&view),
        Format::Csv => csv(&view),
        Format::Md => markdown(&view),
        Format::Json => json(&view)?,
        Format::Html => html(&view),
    };
    write_out(out, &text)?;
    Ok(report.all_verified())
}

/// What files are attributed with, made once for the whole report: the roster's keys
/// and the accounts of its logins.
#[derive(Default)]
struct Attest<'p> {
    keys: Keyring,
    /// Roster members by id.
    members: HashMap<&'p str, &'p RosterMember>,
    /// Roster login -> its uid on this machine (`None`: no such account).
    accounts: HashMap<String, Option<u32>>,
}

impl<'p> Attest<'p> {
    fn new(plan: Option<&'p Plan>) -> Attest<'p> {
        let roster = plan.map_or(&[][..], |p| p.roster.as_slice());
        Attest {
            keys: Keyring::new(
                roster
                    .iter()
                    .filter_map(|m| m.key.as_deref().map(|k| (m.id.as_str(), k))),
            ),
            members: roster.iter().map(|m| (m.id.as_str(), m)).collect(),
            accounts: roster
                .iter()
                .filter_map(|m| m.login.as_ref())
                .map(|l| (l.clone(), handin::account_uid(l)))
                .collect(),
        }
    }
}

/// Who a file is from beyond its word: its `.sig` checked against the roster's `key`
/// for its member (in-process, as `ssh-keygen -Y verify` would), and the account that
/// owns it against the roster's `login`.
fn attest(row: &mut Row, path: &Path, bytes: &[u8], att: &Attest<'_>) {
    let Some(&member) = row.member_id.as_deref().and_then(|id| att.members.get(id)) else {
        return;
    };
    if let Some(login) = &member.login {
        match att.accounts.get(login).copied().flatten() {
            None => row.problems.push(Problem::NoAccount {
                login: login.clone(),
            }),
            Some(uid) => {
                if let Some(owner) = owner_uid(path)
                    && owner != uid
                {
                    row.problems.push(Problem::Owner {
                        owner: handin::account_name(owner),
                        login: login.clone(),
                    });
                }
            }
        }
    }
    if member.key.is_none() {
        return;
    }
    let sig_at = handin::sig_path(path);
    let sig_name = sig_at
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let verdict = match read_sig(&sig_at) {
        Ok(sig) => att.keys.verdict(&member.id, bytes, sig.as_deref()),
        Err(why) => Verdict::Invalid(sshsig::Invalid::Unreadable(why)),
    };
    let (signature, why) = match verdict {
        Verdict::NotRequired => return,
        Verdict::Valid => {
            row.signature = Some(Signature::Valid);
            return;
        }
        Verdict::Missing => (Signature::Missing, None),
        Verdict::Invalid(why) => (Signature::Invalid, Some(why)),
    };
    row.signature = Some(signature);
    let signed_by = match &why {
        Some(sshsig::Invalid::OtherKey { member, .. }) => member.clone(),
        _ => None,
    };
    row.problems.push(Problem::Signature {
        verdict: signature,
        sig: sig_name,
        signed_by,
        why,
    });
}

/// Write, treating a closed pipe (`| head`) as done rather than as an error.
fn write_out(out: &mut dyn Write, text: &str) -> anyhow::Result<()> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Verify every file on up to two threads; rows in no particular order.
fn verify_all<C: Catalog + Sync>(
    files: &[(String, PathBuf)],
    verifier: &Verifier<'_, C>,
    plan: Option<&Plan>,
) -> Vec<Row> {
    let att = &Attest::new(plan);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut rows = Vec::new();
        let mut buf = Vec::with_capacity(16 * 1024);
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((name, path)) = files.get(i) else {
                break;
            };
            let row = match read_file(path, &mut buf) {
                Ok(text) => {
                    let mut row = verifier.verify(name, text);
                    attest(&mut row, path, text.as_bytes(), att);
                    row
                }
                Err(why) => Row::broken(name, vec![Problem::Unreadable(why)]),
            };
            rows.push(row);
        }
        rows
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 2);
    if workers == 1 || files.len() < 64 {
        return work();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers).map(|_| s.spawn(work)).collect();
        let mut rows = Vec::with_capacity(files.len());
        for h in handles {
            // A worker's panic is a bug: carry it on here, with its own message,
            // rather than a second sentence about it.
            rows.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        rows
    })
}
