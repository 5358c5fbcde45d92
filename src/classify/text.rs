//! Text to features: normalising, splitting into sentences, and the feature names the
//! model weighs.

use crate::moves::Move;

/// Lower case, straight quotes, single spaces.
pub fn normalize(text: &str) -> String {
    let straight: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    straight
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sentences, each with its end punctuation: a split after `.`, `!`, `?` or `…` followed by
/// a space (so "4.5" and "p.m." stay whole).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, (at, c)) in chars.iter().enumerate() {
        let ends = matches!(c, '.' | '!' | '?' | '…');
        let next_is_space = chars.get(i + 1).is_some_and(|(_, n)| n.is_whitespace());
        let next_is_end = chars
            .get(i + 1)
            .is_some_and(|(_, n)| matches!(n, '.' | '!' | '?' | '…'));
        if ends && next_is_space && !next_is_end {
            let end = at + c.len_utf8();
            let sentence = text[start..end].trim();
            if sentence.chars().any(char::is_alphanumeric) {
                out.push(sentence);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if rest.chars().any(char::is_alphanumeric) || out.is_empty() {
        out.push(rest);
    }
    out
}

/// Words that carry a sentence's grammar: a real sentence has some; a list of cue words
/// pasted together has almost none.
const FUNCTION_WORDS: [&str; 40] = [
    "i", "you", "we", "they", "he", "she", "it", "me", "us", "them", "my", "your", "our", "the",
    "a", "an", "is", "are", "was", "were", "do", "does", "did", "have", "has", "to", "of", "in",
    "on", "for", "that", "this", "and", "but", "so", "if", "what", "how", "i'm", "you're",
];

/// The trainer's vocabulary, not a person's: nobody says "agitate" at a door. Three of
/// these in one line is someone typing the model at the engine.
const JARGON: [&str; 15] = [
    "agitate",
    "agitation",
    "explore",
    "reflect",
    "stake",
    "educate",
    "gauge",
    "consequence",
    "recap",
    "rescue",
    "own_stake",
    "small_talk",
    "closed_question",
    "next_steps",
    "frame",
];
/// Ordinary words that are also step and move names: jargon only beside real jargon.
const SOFT_JARGON: [&str; 10] = [
    "vision",
    "plan",
    "ask",
    "responsible",
    "benefit",
    "schedule",
    "pressure",
    "silence",
    "commit",
    "count",
];

/// How many times a fired cue counts, against once for a word.
const CUE_WEIGHT: usize = 3;

pub struct Features {
    pub names: Vec<String>,
    /// Indices of the lexicon cues that fired.
    pub fired: Vec<usize>,
    words: usize,
    function_words: usize,
    cue_moves: usize,
    jargon: usize,
    soft_jargon: usize,
}

impl Features {
    pub fn of(
        normal: &str,
        cue_names: &[String],
        cue_moves: &[Move],
        fired: Vec<usize>,
    ) -> Features {
        let words: Vec<&str> = normal
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .map(|w| w.trim_matches('\''))
            .filter(|w| !w.is_empty())
            .collect();
        let mut names = Vec::with_capacity(words.len() * 3 + 8);
        for w in &words {
            names.push(format!("w:{w}"));
        }
        for pair in words.windows(2) {
            names.push(format!("b:{} {}", pair[0], pair[1]));
        }
        if let Some(first) = words.first() {
            names.push(format!("s:{first}"));
        }
        if words.len() >= 2 {
            names.push(format!("s2:{} {}", words[0], words[1]));
        }
        if normal.trim_end().ends_with('?') {
            names.push("end:?".into());
        } else if normal.contains('?') {
            names.push("has:?".into());
        }
        names.push(
            match words.len() {
                0..=2 => "len:tiny",
                3..=6 => "len:short",
                7..=18 => "len:mid",
                _ => "len:long",
            }
            .into(),
        );
        if words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit())) {
            names.push("has:number".into());
        }
        // A cue is a person's judgement of what a phrase does: it counts for more than a
        // word the model happened to see with a move.
        for name in cue_names {
            for _ in 0..CUE_WEIGHT {
                names.push(format!("c:{name}"));
            }
        }
        let mut distinct = cue_moves.to_vec();
        distinct.sort();
        distinct.dedup();
        let function_words = words.iter().filter(|w| FUNCTION_WORDS.contains(w)).count();
        names.push(format!("cues:{}", distinct.len().min(3)));
        if function_words == 0 {
            names.push("grammar:none".into());
        }
        let jargon = words.iter().filter(|w| JARGON.contains(w)).count();
        let soft_jargon = words.iter().filter(|w| SOFT_JARGON.contains(w)).count();
        Features {
            names,
            fired,
            words: words.len(),
            function_words,
            cue_moves: distinct.len(),
            jargon,
            soft_jargon,
        }
    }

    /// A bare list of cue words ("agitate who is responsible vision plan can I count on
    /// you"): many moves' cues at once, in a line with hardly any grammar holding them.
    pub fn stuffed(&self) -> bool {
        let little_grammar = self.function_words * 3 < self.words;
        (self.jargon >= 1 && self.jargon + self.soft_jargon >= 3)
            || (little_grammar && (self.cue_moves >= 3 || self.soft_jargon + self.jargon >= 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_but_not_numbers_or_ellipses_inside() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "So the heat went out four times. Who is responsible?",
                &["So the heat went out four times.", "Who is responsible?"],
            ),
            (
                "It's 4.5 percent... really? Yes.",
                &["It's 4.5 percent...", "really?", "Yes."],
            ),
            ("no punctuation at all", &["no punctuation at all"]),
            ("", &[""]),
            ("Wow!! Okay.", &["Wow!!", "Okay."]),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), expected, "{text:?}");
        }
    }

    #[test]
    fn normalizes_quotes_case_and_space() {
        assert_eq!(normalize("  What\u{2019}s   IT like? "), "what's it like?");
    }
}
