//! Writing a completion file in SPEC's layout, so that parsing gives it back.

use std::fmt::{self, Write as _};

use super::{COMPLETION_FORMAT, Completion};

impl Completion {
    /// The file's text, in SPEC's layout.
    #[must_use]
    pub fn to_toml(&self) -> String {
        let mut o = String::with_capacity(2048);
        // Writing into a `String` cannot fail.
        let _ = self.write_toml(&mut o);
        o
    }

    fn write_toml(&self, o: &mut String) -> fmt::Result {
        writeln!(o, "format = {}", basic(COMPLETION_FORMAT))?;
        writeln!(o, "member_id = {}", basic(&self.member_id))?;
        writeln!(o, "member = {}", basic(&self.member))?;
        writeln!(o, "cycle = \"{}\"", self.cycle)?;
        writeln!(o, "exported = {}", self.exported)?;
        for e in &self.read {
            write!(
                o,
                "\n[[read]]\nunit = {}\nseconds = {}\n",
                basic(&e.unit),
                e.seconds
            )?;
            if let Some(f) = &e.finished {
                writeln!(o, "finished = {f}")?;
            }
        }
        if let Some(r) = &self.reflection {
            o.push_str("\n[reflection]\n");
            if let Some(u) = &r.unit {
                writeln!(o, "unit = {}", basic(u))?;
            }
            writeln!(o, "text = {}", multi(&r.text))?;
        }
        if let Some(t) = &self.talk {
            write!(
                o,
                "\n[talk]\ntopic = {}\noutline = {}\n",
                basic(&t.topic),
                multi(&t.outline)
            )?;
            if let Some(d) = &t.delivered {
                writeln!(o, "delivered = {d}")?;
            }
        }
        if let Some(t) = &self.test {
            write!(o, "\n[test]\ntaken = {}\n", t.taken)?;
            if let Some(s) = &t.submitted {
                writeln!(o, "submitted = {s}")?;
            }
            o.push_str("answers = [\n");
            for a in &t.answers {
                writeln!(
                    o,
                    "  {{ unit = {}, question = {}, given = {} }},",
                    basic(&a.unit),
                    basic(&a.question),
                    basic(&a.given)
                )?;
            }
            o.push_str("]\n");
        }
        if let Some(s) = &self.survey {
            write!(
                o,
                "\n[survey]\ntitle = {}\ntext = {}\n",
                basic(&s.title),
                multi(&s.text)
            )?;
        }
        if let Some(rules) = &self.rules {
            o.push_str("\n[rules]\n");
            for (k, v) in rules {
                // Keys and values come from a parsed file or from `rules_of`: bare
                // keys and TOML scalars as written.
                writeln!(o, "{k} = {v}")?;
            }
        }
        if let Some(c) = &self.claimed {
            write!(
                o,
                "\n[claimed]\nread = {}\ntalk = {}\nstudy = {}\n",
                c.read, c.talk, c.study
            )?;
            if let Some(s) = c.score {
                writeln!(o, "score = {s}")?;
            }
        }
        Ok(())
    }
}

/// A TOML basic string.
fn basic(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    escape_into(&mut o, s, false);
    o.push('"');
    o
}

/// A TOML multi-line basic string when `s` has line breaks, else a basic string.
fn multi(s: &str) -> String {
    if !s.contains('\n') {
        return basic(s);
    }
    let mut o = String::with_capacity(s.len() + 8);
    // The newline right after the opening quotes is not part of the value.
    o.push_str("\"\"\"\n");
    escape_into(&mut o, s, true);
    o.push_str("\"\"\"");
    o
}

fn escape_into(o: &mut String, s: &str, keep_newlines: bool) {
    use std::fmt::Write;
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' if keep_newlines => o.push('\n'),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
}
