//! Small value types shared by every content file, each validating itself while it is
//! deserialized so that a bad value is reported at its own line and column.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest id accepted: long enough to be descriptive, short enough for a table column.
const MAX_ID_LEN: usize = 48;

/// A content id: lower-case letters, digits and `-`, starting with a letter.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn parse(text: &str) -> Result<Id, String> {
        let well_formed = !text.is_empty()
            && text.len() <= MAX_ID_LEN
            && text.starts_with(|c: char| c.is_ascii_lowercase())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if well_formed {
            Ok(Id(text.to_owned()))
        } else {
            Err(format!(
                "invalid id `{text}`: expected lower-case letters, digits and `-`, starting \
                 with a letter, at most {MAX_ID_LEN} characters (for example `{}`)",
                suggest_id(text)
            ))
        }
    }
}

/// What the author probably meant: `Marisol Reyes` → `marisol-reyes`.
fn suggest_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id
        .trim_end_matches('-')
        .trim_start_matches(|c: char| c.is_ascii_digit());
    let id: String = id.chars().take(MAX_ID_LEN).collect();
    if id.is_empty() {
        "my-persona".to_owned()
    } else {
        id
    }
}

// Maps keyed by `Id` answer lookups by `&str`: an Id orders, compares and hashes exactly
// as its text does.
impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Id::parse(&text).map_err(de::Error::custom)
    }
}

/// A whole number that must lie in `MIN..=MAX` (trust, patience, changes to them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Bounded<const MIN: i64, const MAX: i64>(i64);

impl<const MIN: i64, const MAX: i64> Bounded<MIN, MAX> {
    /// A value known at compile time to be in range (the defaults).
    pub const fn new_const(value: i64) -> Self {
        assert!(value >= MIN && value <= MAX);
        Bounded(value)
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

impl<'de, const MIN: i64, const MAX: i64> Deserialize<'de> for Bounded<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Range<const MIN: i64, const MAX: i64>;
        impl<const MIN: i64, const MAX: i64> Visitor<'_> for Range<MIN, MAX> {
            type Value = Bounded<MIN, MAX>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a whole number from {MIN} to {MAX}")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                if (MIN..=MAX).contains(&v) {
                    Ok(Bounded(v))
                } else {
                    Err(E::custom(format!(
                        "{v} is out of range: expected a whole number from {MIN} to {MAX}"
                    )))
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                let v = i64::try_from(v).unwrap_or(i64::MAX);
                self.visit_i64(v)
            }
        }
        deserializer.deserialize_i64(Range::<MIN, MAX>)
    }
}

/// 0–100: trust and openness.
pub type Percent = Bounded<0, 100>;
/// A change to trust or openness.
pub type Delta = Bounded<-100, 100>;

/// One line, or several to choose from so that a second run does not read like the first.
/// Never empty, and no variant is blank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Variants(Vec<String>);

impl Variants {
    pub fn all(&self) -> &[String] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for Variants {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Lines;
        impl<'de> Visitor<'de> for Lines {
            type Value = Variants;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a list of strings to choose from")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Variants, E> {
                if v.trim().is_empty() {
                    return Err(E::custom(
                        "empty line: write what they say, or remove the key",
                    ));
                }
                Ok(Variants(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Variants, A::Error> {
                let mut lines = Vec::new();
                while let Some(line) = seq.next_element::<String>()? {
                    if line.trim().is_empty() {
                        return Err(de::Error::custom(format!(
                            "variant {} is empty: write what they say, or remove it",
                            lines.len() + 1
                        )));
                    }
                    lines.push(line);
                }
                if lines.is_empty() {
                    return Err(de::Error::custom(
                        "empty list: expected at least one line to choose from",
                    ));
                }
                Ok(Variants(lines))
            }
        }
        deserializer.deserialize_any(Lines)
    }
}

/// What a persona says, and what the organizer sees or hears while they say it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    pub says: Variants,
    pub cue: Option<Variants>,
    /// Lines said instead of `says` when the organizer's line names one of their words, so
    /// a persona can answer what was actually said ("Heat logs. Okay.").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub echo: Vec<Echo>,
}

/// A reply to the organizer's own words: said only when their line contains one of `when`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Echo {
    pub when: Words,
    pub says: Variants,
    /// What the organizer sees meanwhile; the reply's own `cue` when left out.
    pub cue: Option<Variants>,
}

/// Words or phrases to listen for in the organizer's line (whole words, any case). Never
/// empty, and no entry is blank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Words(Vec<String>);

impl Words {
    pub fn all(&self) -> &[String] {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let words = heard_words(deserializer)?;
        if words.is_empty() {
            return Err(de::Error::custom(
                "empty list: name at least one word or phrase to listen for, e.g. [\"heat log\", \"logs\"]",
            ));
        }
        Ok(Words(words))
    }
}

/// A list of words or phrases to listen for in the organizer's lines, every one of which
/// could be heard: none blank, none made of punctuation alone.
pub fn heard_words<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let words = Vec::<String>::deserialize(deserializer)?;
    if let Some(blank) = words.iter().position(|w| w.trim().is_empty()) {
        return Err(de::Error::custom(format!(
            "word {} is blank: write a word or phrase, or remove it",
            blank + 1
        )));
    }
    // Lines are compared word by word with punctuation dropped, so "%" or "$" alone
    // would silently never match.
    if let Some(mute) = words
        .iter()
        .position(|w| !w.chars().any(char::is_alphanumeric))
    {
        return Err(de::Error::custom(format!(
            "word {} ({:?}) has no letters or digits, and punctuation is ignored when \
             listening, so it can never match: write it as a word (\"percent\", \"dollars\")",
            mute + 1,
            words[mute]
        )));
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_kebab_case_and_reject_the_rest() {
        for good in ["marisol-reyes", "boiler-4c", "a"] {
            assert!(Id::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "Marisol", "4c", "-x", "a_b", "a b", &"x".repeat(49)] {
            assert!(Id::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_bad_id_suggests_a_good_one() {
        let err = Id::parse("Marisol Reyes").unwrap_err();
        assert!(err.contains("`marisol-reyes`"), "{err}");
    }
}
