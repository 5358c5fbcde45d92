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

/// What a trainee sees when a session opens: who, where, the ask, and the scene.
pub fn opening(
    b: &Briefing,
    mode: crate::session::Mode,
    seed: u64,
    palette: &Palette,
    width: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        palette.heading(&format!(
            "greenlight · {} ({}) · {} mode · seed {seed}",
            clean(&b.title),
            b.difficulty,
            mode
        ))
    );
    const LABEL: usize = 10;
    let field = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(
            out,
            "{}{}",
            palette.heading(&format!("{label:<LABEL$}")),
            wrap(&clean(value), width, LABEL)
        );
    };
    let meeting = format!("{}, {}", b.persona.name, lowercase_first(&b.persona.role));
    field(&mut out, "Meeting", &meeting);
    field(&mut out, "Where", &b.setting.place);
    field(&mut out, "When", &b.setting.time);
    field(
        &mut out,
        "The ask",
        &format!("{} ({})", b.campaign.ask, b.organization.name),
    );
    if let Some(drill) = &b.drill {
        let so_far = format!(
            "opens at step {} ({}). {}",
            b.start_step.number(),
            b.start_step,
            drill.so_far
        );
        field(&mut out, "Drill", &so_far);
    }
    let _ = writeln!(
        out,
        "{}",
        palette.quiet("Type /help for commands, /brief for the whole briefing. You speak first.")
    );
    let _ = writeln!(
        out,
        "\n  {}",
        palette.quiet(&wrap(&clean(&b.setting.scene), width, 2))
    );
    out
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Only a capital that starts an ordinary word: "Tenant in 4C" but not "ICU nurse".
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// One persona reply: name, words, body language, and (in coach mode) the light.
pub fn turn(
    t: &crate::engine::Turn,
    name: &str,
    mode: crate::session::Mode,
    palette: &Palette,
    width: usize,
) -> String {
    let name = clean(name);
    let indent = name.chars().count() + 2;
    let mut out = format!(
        "{}  {}\n",
        palette.persona(&name),
        wrap(&clean(&t.text), width, indent)
    );
    if let Some(cue) = &t.cue {
        let cue = format!("({})", clean(cue));
        let _ = writeln!(
            out,
            "{}{}",
            " ".repeat(indent),
            palette.quiet(&wrap(&cue, width, indent))
        );
    }
    if mode.shows_lights() {
        let light = match t.light {
            crate::engine::Light::Green => palette.good(&format!("{} · green", t.step)),
            crate::engine::Light::Yellow => palette.warn(&format!("{} · yellow", t.step)),
        };
        let lit = if t.lit_up {
            format!("{}  ", palette.good("✦ lit up"))
        } else {
            String::new()
        };
        let plain_len = format!("{} · yellow", t.step).len() + if t.lit_up { 10 } else { 0 };
        let _ = writeln!(
            out,
            "{}{lit}{light}",
            " ".repeat(width.saturating_sub(plain_len).max(indent))
        );
    }
    out
}

pub fn help() -> String {
    let mut out = String::from("Say what you would say. Commands:\n");
    for (_, name, what) in crate::practice::COMMANDS {
        let _ = writeln!(out, "  {name:<10} {what}");
    }
    out.push_str(
        "Ctrl-C clears the line; Ctrl-C twice or Ctrl-D asks whether to finish or leave.\n",
    );
    out
}

pub fn hint(h: &crate::session::Hint, palette: &Palette, width: usize) -> String {
    let mut out = format!(
        "{} step {} of 6, {} · {}\n",
        palette.hint("coach:"),
        h.step.number(),
        clean(&h.step_title).to_lowercase(),
        match h.light {
            crate::engine::Light::Green => palette.good("green"),
            crate::engine::Light::Yellow => palette.warn("yellow"),
        }
    );
    let _ = writeln!(out, "  {}", wrap(&clean(&h.advice), width, 2));
    if let Some(example) = &h.example {
        let _ = writeln!(
            out,
            "  {}",
            palette.quiet(&wrap(
                &format!("You might try: \"{}\"", clean(example)),
                width,
                2
            ))
        );
    }
    out
}

pub fn why(t: &crate::engine::Turn, palette: &Palette, width: usize) -> String {
    let moves: Vec<&str> = t.reading.moves.iter().map(|m| m.id()).collect();
    let mut out = format!(
        "{} read as {} (they answered: {})\n",
        palette.hint("why:"),
        moves.join(", "),
        t.reading.primary
    );
    for cue in &t.reading.cues {
        let _ = writeln!(
            out,
            "  {:<15} {}",
            cue.for_move.id(),
            palette.quiet(&clean(&cue.evidence))
        );
    }
    for reason in &t.why {
        let _ = writeln!(out, "  {}", wrap(&clean(reason), width, 2));
    }
    out
}

pub fn end_words(end: crate::engine::End) -> &'static str {
    match end {
        crate::engine::End::Agreed => "next steps agreed",
        crate::engine::End::Declined => "they said no",
        crate::engine::End::WalkedAway => "they ended the conversation",
        crate::engine::End::TurnLimit => "out of time",
        crate::engine::End::Trainee => "you ended it",
    }
}

/// The scorecard: the total and its areas, the path chart, what went well and what to try.
pub fn scorecard(card: &crate::score::Scorecard, palette: &Palette, width: usize) -> String {
    use crate::engine::Light;
    let mut out = String::new();
    let outcome = serde_json::to_value(card.outcome)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let pressured = if card.pressured {
        " (pressured: likely to fall through)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{} {}/100 · outcome {outcome}{pressured} · {} turns · you spoke {}% of the words",
        palette.heading("Score"),
        palette.heading(&card.total.to_string()),
        card.metrics.turns,
        card.metrics.talk_share
    );
    if let Some(code) = &card.capped_by {
        let _ = writeln!(
            out,
            "{}",
            palette.quiet(&format!("  (capped by `{code}`: see below)"))
        );
    }
    for area in &card.areas {
        let (bar, number) = match area.score {
            Some(score) => {
                let filled = (score as usize + 5) / 10;
                (
                    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled)),
                    format!("{score:>3}"),
                )
            }
            None => ("··········".to_owned(), "n/a".to_owned()),
        };
        let _ = writeln!(out, "  {:<34} {bar} {number}", clean(&area.title));
    }

    // The path chart: the six steps against the turns, each turn on its step.
    let _ = writeln!(
        out,
        "\n{}  ● green light  ○ yellow light",
        palette.heading("Your path")
    );
    let shown = card.path.len().min(width.saturating_sub(20) / 2);
    let first = card.path.len() - shown;
    for step in crate::content::step::Step::ALL {
        let mut row = format!("  {} {:<12} ", step.number(), step.id());
        for point in &card.path[first..] {
            let mark = match (point.step == step, point.light) {
                (true, Light::Green) => palette.good("●"),
                (true, Light::Yellow) => palette.warn("○"),
                (false, _) => palette.quiet("·"),
            };
            row.push_str(&mark);
            row.push(' ');
        }
        let _ = writeln!(out, "{}", row.trim_end());
    }
    let mut visited: Vec<String> = Vec::new();
    for point in &card.path {
        let n = point.step.number().to_string();
        if visited.last() != Some(&n) {
            visited.push(n);
        }
    }
    let _ = writeln!(
        out,
        "  {}",
        palette.quiet("the model: 1 → 2 → 3 → 4 → 5 → 6")
    );
    let _ = writeln!(
        out,
        "  {}",
        palette.quiet(&format!("your path: {}", visited.join(" → ")))
    );

    let good: Vec<&crate::score::Finding> = card.findings.iter().filter(|f| f.good).collect();
    if !good.is_empty() {
        let _ = writeln!(out, "\n{}", palette.heading("What went well"));
        for f in good {
            let _ = writeln!(
                out,
                "  {} {}",
                palette.good("✓"),
                wrap(&clean(&f.message), width, 4)
            );
        }
    }
    let misses: Vec<&crate::score::Finding> = card.findings.iter().filter(|f| !f.good).collect();
    if !misses.is_empty() {
        let _ = writeln!(out, "\n{}", palette.heading("What to try next"));
        for (n, f) in misses.iter().enumerate() {
            let mark = if n < 2 {
                palette.warn("→")
            } else {
                palette.quiet("·")
            };
            let _ = writeln!(out, "  {mark} {}", wrap(&clean(&f.message), width, 4));
            if n < 2 && !f.suggestion.is_empty() {
                let _ = writeln!(
                    out,
                    "    {}",
                    palette.quiet(&wrap(&format!("Try: {}", clean(&f.suggestion)), width, 4))
                );
            }
        }
    }
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
