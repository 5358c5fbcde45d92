//! Problems found in content, located at `path:line:col`, and how they are shown.
//!
//! A [`Problem`] is what a check inside one file finds (a byte span into that file); the
//! loader turns it into a [`Diagnostic`] once it knows the file, so every message is
//! rendered in one place.

use crate::style::{Palette, clean};
use serde::Serialize;
use std::fmt::Write as _;
use std::ops::Range;

/// A problem inside one file, before it is located.
#[derive(Clone, Debug)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
    pub hint: String,
    /// Where the thing this one clashes with is, in the same file.
    pub first: Option<Range<usize>>,
}

impl Problem {
    pub fn new(span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Problem {
            span,
            message: message.into(),
            hint: hint.into(),
            first: None,
        }
    }
}

/// A located problem, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based; absent for problems with a whole file or folder (it cannot be read).
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    /// The source line the problem is on, for the caret display.
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Characters to underline from `column`.
    pub width: usize,
}

impl Diagnostic {
    /// A problem with a file or folder as a whole.
    pub fn whole(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            hint,
            snippet: None,
        }
    }

    /// Locates `span` within `text`.
    pub fn at(
        path: &str,
        text: &str,
        span: Range<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        let location = Location::of(text, span.start);
        let line_text = text[location.line_start..]
            .split('\n')
            .next()
            .unwrap_or_default()
            .trim_end_matches('\r');
        let end_on_line = span
            .end
            .clamp(span.start, location.line_start + line_text.len());
        let width = text
            .get(span.start.min(end_on_line)..end_on_line)
            .map_or(1, |s| s.chars().count().max(1));
        Diagnostic {
            path: path.to_owned(),
            line: Some(location.line),
            column: Some(location.column),
            message: message.into(),
            hint,
            snippet: Some(Snippet {
                text: line_text.to_owned(),
                width,
            }),
        }
    }

    /// `path:line:col` of a byte offset.
    pub fn location(path: &str, text: &str, offset: usize) -> String {
        let at = Location::of(text, offset);
        format!("{path}:{}:{}", at.line, at.column)
    }

    pub fn from_problem(path: &str, text: &str, problem: Problem) -> Self {
        let mut message = problem.message;
        if let Some(first) = problem.first {
            let at = Location::of(text, first.start);
            let _ = write!(
                message,
                " (first at line {}, column {})",
                at.line, at.column
            );
        }
        Diagnostic::at(path, text, problem.span, message, Some(problem.hint))
    }

    /// `path:line:col: message`, the form editors and `grep` understand.
    pub fn headline(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                format!("{}:{line}:{column}: {}", self.path, self.message)
            }
            _ => format!("{}: {}", self.path, self.message),
        }
    }

    /// The headline, the offending line with a caret under it, and the hint.
    pub fn render(&self, palette: &Palette) -> String {
        let mut out = palette.error(&clean(&self.headline()));
        out.push('\n');
        if let (Some(snippet), Some(line), Some(column)) = (&self.snippet, self.line, self.column) {
            let gutter = line.to_string().len();
            let text = clean(&snippet.text);
            let pad: String = text
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{:gutter$} |", "");
            let _ = writeln!(out, "{line} | {text}");
            let _ = writeln!(
                out,
                "{:gutter$} | {pad}{}",
                "",
                palette.error(&"^".repeat(snippet.width))
            );
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  {} {}", palette.hint("hint:"), clean(hint));
        }
        out
    }
}

/// A 1-based line and character column of a byte offset.
struct Location {
    line: usize,
    column: usize,
    line_start: usize,
}

impl Location {
    fn of(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            line_start,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_offsets_in_characters_not_bytes() {
        let text = "a = 1\nname = \"Iñés\" x\n";
        let offset = text.find('x').unwrap();
        let d = Diagnostic::at("f.toml", text, offset..offset + 1, "bad", None);
        assert_eq!((d.line, d.column), (Some(2), Some(15)));
        assert_eq!(d.headline(), "f.toml:2:15: bad");
    }

    #[test]
    fn renders_a_caret_under_the_span() {
        let text = "nmae = 1\n";
        let d = Diagnostic::at(
            "f.toml",
            text,
            0..4,
            "unknown key",
            Some("did you mean `name`?".into()),
        );
        let shown = d.render(&Palette::plain());
        assert_eq!(
            shown,
            "f.toml:1:1: unknown key\n  |\n1 | nmae = 1\n  | ^^^^\n  hint: did you mean `name`?\n"
        );
    }
}
