//! The slash commands a trainee can type instead of a line.

/// One command, parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slash {
    Help,
    Silence,
    Hint,
    Why,
    Undo,
    Status,
    Brief,
    End,
    Quit,
}

/// Every command with its one-line help, in the order `/help` lists them.
pub const COMMANDS: [(Slash, &str, &str); 9] = [
    (Slash::Help, "/help", "this list"),
    (
        Slash::Silence,
        "/silence",
        "hold silence (an empty line or ... does the same)",
    ),
    (
        Slash::Hint,
        "/hint",
        "which step you are in and what the model suggests now (coach mode)",
    ),
    (
        Slash::Why,
        "/why",
        "how your last line was read and why they reacted so",
    ),
    (
        Slash::Undo,
        "/undo",
        "take back your last line (not in exam mode; it is recorded)",
    ),
    (Slash::Status, "/status", "where the conversation stands"),
    (Slash::Brief, "/brief", "the whole briefing again"),
    (
        Slash::End,
        "/end",
        "finish the conversation and see how it went",
    ),
    (
        Slash::Quit,
        "/quit",
        "leave now; the transcript is saved and can be resumed",
    ),
];

/// What a line starting with `/` means.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Command(Slash),
    Unknown {
        typed: String,
        suggestion: Option<&'static str>,
    },
}

/// `None` if the line is not a command.
pub fn parse(line: &str) -> Option<Parsed> {
    let word = line
        .trim()
        .strip_prefix('/')?
        .split_whitespace()
        .next()
        .unwrap_or("");
    let typed = format!("/{}", word.to_lowercase());
    if let Some((slash, _, _)) = COMMANDS.iter().find(|(_, name, _)| *name == typed) {
        return Some(Parsed::Command(*slash));
    }
    let suggestion = crate::content::nearest(&typed, COMMANDS.iter().map(|(_, name, _)| *name));
    Some(Parsed::Unknown { typed, suggestion })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_and_suggests_for_typos() {
        assert_eq!(parse("/end"), Some(Parsed::Command(Slash::End)));
        assert_eq!(parse("  /HINT please"), Some(Parsed::Command(Slash::Hint)));
        assert_eq!(parse("hello"), None);
        assert_eq!(
            parse("/hlep"),
            Some(Parsed::Unknown {
                typed: "/hlep".into(),
                suggestion: Some("/help")
            })
        );
        assert!(matches!(
            parse("/frobnicate"),
            Some(Parsed::Unknown {
                suggestion: None,
                ..
            })
        ));
    }
}
