//! Text layout for people: wrapping to the terminal and the scenario briefing.

use crate::briefing::Briefing;
use crate::style::{Palette, clean};
use std::fmt::Write as _;
use std::io::IsTerminal;

/// Lines longer than this are hard to read even on a wide terminal.
const MAX_WIDTH: usize = 100;
/// When stdout is not a terminal.
const PIPE_WIDTH: usize = 80;

/// The width to wrap at.
pub fn width() -> usize {
    if std::io::stdout().is_terminal() {
        terminal_size::terminal_size()
            .map_or(PIPE_WIDTH, |(w, _)| usize::from(w.0))
            .clamp(40, MAX_WIDTH)
    } else {
        PIPE_WIDTH
    }
}

/// Word-wraps `text` to `width` columns, every line after the first indented by `indent`
/// spaces. Existing line breaks are kept; a word longer than the line is not split.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for (n, paragraph) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
            out.push_str(&pad);
        }
        let mut column = indent;
        let mut first_word = true;
        for word in paragraph.split_whitespace() {
            let len = word.chars().count();
            if !first_word && column + 1 + len > width {
                out.push('\n');
                out.push_str(&pad);
                column = indent;
                first_word = true;
            }
            if !first_word {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += len;
            first_word = false;
        }
    }
    out
}

/// The briefing as a trainee reads it before the conversation.
pub fn briefing(b: &Briefing, palette: &Palette, width: usize) -> String {
    const LABEL: usize = 14;
    let mut out = String::new();
    let field = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(
            out,
            "  {}{}",
            palette.heading(&format!("{label:<w$}", w = LABEL - 2)),
            wrap(&clean(value), width, LABEL)
        );
    };
    let _ = writeln!(
        out,
        "{} · {} · with {}",
        palette.heading(&clean(&b.title)),
        b.difficulty,
        clean(&b.persona.name)
    );
    let _ = writeln!(out, "{}\n", wrap(&clean(&b.summary), width, 0));
    field(&mut out, "Where", &b.setting.place);
    field(&mut out, "When", &b.setting.time);
    field(&mut out, "You are", &b.setting.you_are);
    let person = format!("{}, {}", b.persona.name, b.persona.role);
    field(&mut out, "Meeting", &person);
    let org = format!("{}. {}", b.organization.name, b.organization.about);
    field(&mut out, "With", &org);

    let _ = writeln!(out, "\n{}", palette.heading("The campaign"));
    field(&mut out, "Issue", &b.campaign.issue);
    let targets: Vec<String> = b
        .campaign
        .targets
        .iter()
        .map(|t| format!("{} ({})", t.name, t.role))
        .collect();
    field(&mut out, "Targets", &targets.join("\n"));
    field(&mut out, "Vision", &b.campaign.vision);
    field(&mut out, "Plan", &b.campaign.plan);
    let milestones: Vec<String> = b
        .campaign
        .milestones
        .iter()
        .map(|m| format!("{}: {}", m.when, m.what))
        .collect();
    field(&mut out, "Milestones", &milestones.join("\n"));
    field(&mut out, "Precedent", &b.campaign.precedent);
    field(&mut out, "The ask", &b.campaign.ask);

    let _ = writeln!(out, "\n{}", palette.heading("What this scenario practises"));
    for objective in &b.objectives {
        let _ = writeln!(out, "  - {}", wrap(&clean(objective), width, 4));
    }
    if let Some(drill) = &b.drill {
        let _ = writeln!(
            out,
            "\n{} {}",
            palette.heading("Step drill:"),
            wrap(
                &format!(
                    "the conversation opens at step {} ({}).",
                    b.start_step.number(),
                    b.start_step
                ),
                width,
                0
            )
        );
        let _ = writeln!(out, "  {}", wrap(&clean(&drill.so_far), width, 2));
    }
    let _ = writeln!(
        out,
        "\n{}",
        palette.quiet(&format!(
            "Model: {} · turn limit: {}",
            clean(&b.model),
            b.turn_limit
        ))
    );
    let _ = writeln!(out, "\n{}", wrap(&clean(&b.setting.scene), width, 0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_with_a_hanging_indent() {
        let cases = [
            ("one two three four", 9, 0, "one two\nthree\nfour"),
            ("one two three four", 12, 2, "one two\n  three four"),
            ("a\nb c", 80, 2, "a\n  b c"),
            ("supercalifragilistic x", 5, 0, "supercalifragilistic\nx"),
        ];
        for (text, width, indent, expected) in cases {
            assert_eq!(wrap(text, width, indent), expected, "{text:?} at {width}");
        }
    }
}
