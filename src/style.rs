//! Colour by role, decided once per stream, and the boundary where untrusted text is made
//! safe for a terminal.
//!
//! Business code asks for a role (`error`, `persona`, `cue`…), never a hue. Every string
//! that comes from a content file or a transcript passes through [`clean`] before it is
//! printed for a person: a persona file may hold a real ESC (TOML decodes `"\u001b"`),
//! which could clear the screen, fake a score line or write the clipboard.

use colored::Colorize;
use std::io::IsTerminal;

/// The `--color` choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

/// Which stream a palette writes to, since stdout may be piped while stderr is not.
#[derive(Clone, Copy, Debug)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Roles, each with its look. Plain text when colour is off.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    enabled: bool,
}

impl Palette {
    pub fn plain() -> Palette {
        Palette { enabled: false }
    }

    /// Decides for one stream: `--color`, then the `NO_COLOR` / `CLICOLOR_FORCE` /
    /// `CLICOLOR` conventions, then whether the stream is a terminal.
    pub fn for_stream(choice: ColorChoice, stream: Stream) -> Palette {
        let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if env("NO_COLOR").is_some() {
                    false
                } else if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                    true
                } else if env("CLICOLOR").is_some_and(|v| v == "0") {
                    false
                } else {
                    match stream {
                        Stream::Stdout => std::io::stdout().is_terminal(),
                        Stream::Stderr => std::io::stderr().is_terminal(),
                    }
                }
            }
        };
        if enabled {
            // Palette has decided; keep `colored` from second-guessing per stream.
            colored::control::set_override(true);
        }
        Palette { enabled }
    }

    fn paint(&self, text: &str, style: impl Fn(&str) -> colored::ColoredString) -> String {
        if self.enabled {
            style(text).to_string()
        } else {
            text.to_owned()
        }
    }

    pub fn error(&self, text: &str) -> String {
        self.paint(text, |t| t.red().bold())
    }
    pub fn warn(&self, text: &str) -> String {
        self.paint(text, |t| t.yellow())
    }
    pub fn good(&self, text: &str) -> String {
        self.paint(text, |t| t.green())
    }
    pub fn hint(&self, text: &str) -> String {
        self.paint(text, |t| t.cyan().bold())
    }
    pub fn heading(&self, text: &str) -> String {
        self.paint(text, |t| t.bold())
    }
    pub fn persona(&self, text: &str) -> String {
        self.paint(text, |t| t.magenta().bold())
    }
    pub fn quiet(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed())
    }
}

/// Makes untrusted text safe to print: C0 and C1 controls (except newline and tab) and the
/// invisible bidi and zero-width characters become U+FFFD, so what a person sees is what
/// the text says.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
        .collect()
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_neutralises_escapes_and_bidi_but_keeps_text() {
        let cases = [
            ("plain words, ñ and 🙂", "plain words, ñ and 🙂"),
            ("line\nnext\ttab", "line\nnext\ttab"),
            ("\u{1b}[2Jcleared", "\u{fffd}[2Jcleared"),
            ("\u{1b}]52;c;aGk=\u{7}", "\u{fffd}]52;c;aGk=\u{fffd}"),
            ("c1 \u{9b}31m", "c1 \u{fffd}31m"),
            ("evil\u{202e}txt.exe", "evil\u{fffd}txt.exe"),
            ("zero\u{200b}width", "zero\u{fffd}width"),
            ("cr\rover", "cr\u{fffd}over"),
        ];
        for (input, expected) in cases {
            assert_eq!(clean(input), expected, "{input:?}");
        }
    }
}
