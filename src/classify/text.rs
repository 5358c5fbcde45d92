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

/// The words of a normalised text, apostrophes kept inside them.
pub fn words(normal: &str) -> Vec<&str> {
    normal
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words that carry a sentence's grammar: a real sentence has some; a list of cue words
/// pasted together has almost none.
const FUNCTION_WORDS: [&str; 72] = [
    "i", "you", "we", "they", "he", "she", "it", "me", "us", "them", "my", "your", "our", "their",
    "the", "a", "an", "is", "are", "was", "were", "be", "been", "do", "does", "did", "have", "has",
    "had", "will", "would", "can", "could", "should", "to", "of", "in", "on", "at", "by", "with",
    "from", "about", "for", "that", "this", "and", "but", "so", "if", "what", "how", "when",
    "where", "why", "i'm", "you're", "we're", "they're", "it's", "that's", "i'll", "you'll",
    "we'll", "they'll", "i've", "you've", "don't", "not", "there", "out", "up",
];

/// Whose experience a sentence is about.
const PERSONS: [(&str, &[&str]); 4] = [
    (
        "you",
        &[
            "you", "your", "you're", "you've", "you'll", "you'd", "yours", "yourself",
        ],
    ),
    (
        "me",
        &[
            "i", "my", "me", "i'm", "i've", "i'll", "i'd", "mine", "myself",
        ],
    ),
    (
        "us",
        &[
            "we", "our", "us", "we're", "we've", "we'll", "we'd", "ours", "together",
        ],
    ),
    (
        "them",
        &[
            "they",
            "their",
            "them",
            "they're",
            "they've",
            "they'll",
            "management",
            "company",
            "landlord",
            "board",
            "boss",
            "city",
        ],
    ),
];

/// How a sentence opens, after a leading "so" or "okay".
const OPENINGS: [(&str, &[&str]); 6] = [
    (
        "wh",
        &[
            "what", "what's", "why", "who", "who's", "whose", "how", "how's", "when", "when's",
            "where", "which",
        ],
    ),
    (
        "aux",
        &[
            "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would",
            "have", "has", "should", "don't", "doesn't", "isn't", "aren't", "won't",
        ],
    ),
    ("you", &["you", "your", "you're", "you've", "you'll"]),
    ("me", &["i", "my", "i'm", "i've", "i'll", "me"]),
    ("us", &["we", "our", "we're", "we've", "we'll"]),
    ("if", &["if", "imagine", "say", "suppose"]),
];

const TIME_WORDS: [&str; 18] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tonight",
    "tomorrow",
    "weekend",
    "morning",
    "evening",
    "noon",
    "week",
    "month",
    "pm",
    "am",
    "o'clock",
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
        words: &[&str],
        cue_names: &[String],
        cue_moves: &[Move],
        fired: Vec<usize>,
        topics: &[&str],
    ) -> Features {
        let mut names = Vec::with_capacity(words.len() * 3 + 8);
        for w in words {
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
        // Who a sentence is about and how it opens carry across vocabulary: "you" with a
        // wh-word is usually a question about their life; "we" with a date, a plan.
        let about: Vec<&str> = PERSONS
            .iter()
            .filter(|(_, forms)| words.iter().any(|w| forms.contains(w)))
            .map(|(person, _)| *person)
            .collect();
        for person in &about {
            names.push(format!("about:{person}"));
        }
        let opening = words
            .iter()
            .find(|w| {
                ![
                    "so", "and", "but", "ok", "okay", "well", "like", "oh", "hey", "hi",
                ]
                .contains(*w)
            })
            .map_or("none", |first| {
                OPENINGS
                    .iter()
                    .find(|(_, forms)| forms.contains(first))
                    .map_or("other", |(kind, _)| *kind)
            });
        names.push(format!("opens:{opening}"));
        for topic in topics {
            names.push(format!("t:{topic}"));
        }
        for person in &about {
            names.push(format!("opens:{opening}+{person}"));
        }
        if words.iter().any(|w| TIME_WORDS.contains(w))
            || normal.contains(" pm")
            || normal.contains(" am ")
        {
            names.push("has:time".into());
        }
        if normal.contains('$')
            || words
                .iter()
                .any(|w| ["dollars", "percent", "million", "billion", "bucks"].contains(w))
        {
            names.push("has:money".into());
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
        let share = |part: usize| part * 100 / self.words.max(1);
        let grammar = share(self.function_words);
        (self.jargon >= 1 && self.jargon + self.soft_jargon >= 3)
            || (self.soft_jargon >= 3 && grammar < 34)
            || (self.cue_moves >= 3 && grammar < 20)
            || (self.cue_moves >= 2 && grammar < 30 && self.words <= 10)
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
