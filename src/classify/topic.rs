//! Word classes from the lexicon's `[topic]` table: what a sentence is about.

use std::collections::{BTreeMap, HashMap};

pub struct Topics {
    names: Vec<String>,
    /// Each listed word, with the classes it belongs to.
    words: HashMap<String, Vec<usize>>,
    /// Entries ending in `*`: a word beginning with this belongs to the class.
    prefixes: Vec<(String, usize)>,
    /// Entries of several words, padded with spaces so they match whole words only.
    phrases: Vec<(String, usize)>,
}

impl Topics {
    pub fn new(table: BTreeMap<String, Vec<String>>) -> Topics {
        let mut topics = Topics {
            names: Vec::new(),
            words: HashMap::new(),
            prefixes: Vec::new(),
            phrases: Vec::new(),
        };
        for (class, (name, entries)) in table.into_iter().enumerate() {
            topics.names.push(name);
            for entry in entries {
                let entry = entry.to_lowercase();
                if entry.contains(' ') {
                    topics.phrases.push((format!(" {entry} "), class));
                } else if let Some(prefix) = entry.strip_suffix('*') {
                    topics.prefixes.push((prefix.to_owned(), class));
                } else {
                    topics.words.entry(entry).or_default().push(class);
                }
            }
        }
        topics
    }

    /// The classes the words of one sentence touch, in the lexicon's order.
    pub fn of(&self, words: &[&str]) -> Vec<&str> {
        let mut touched = vec![false; self.names.len()];
        for word in words {
            for class in self.words.get(*word).into_iter().flatten() {
                touched[*class] = true;
            }
            for (prefix, class) in &self.prefixes {
                if word.starts_with(prefix.as_str()) {
                    touched[*class] = true;
                }
            }
        }
        if !self.phrases.is_empty() {
            let spaced = format!(" {} ", words.join(" "));
            for (phrase, class) in &self.phrases {
                if spaced.contains(phrase.as_str()) {
                    touched[*class] = true;
                }
            }
        }
        self.names
            .iter()
            .zip(touched)
            .filter(|(_, on)| *on)
            .map(|(name, _)| name.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_words_prefixes_and_phrases_whole() {
        let mut table = BTreeMap::new();
        table.insert(
            "leisure".to_owned(),
            vec!["dog*".into(), "taco truck".into(), "tea".into()],
        );
        table.insert("weather".to_owned(), vec!["cold snap".into()]);
        let topics = Topics::new(table);
        assert_eq!(topics.of(&["nice", "doggo"]), ["leisure"]);
        assert_eq!(topics.of(&["the", "taco", "truck"]), ["leisure"]);
        assert!(topics.of(&["steam"]).is_empty(), "tea inside a word");
        assert!(
            topics.of(&["taco", "trucks"]).is_empty(),
            "a phrase is whole words"
        );
        assert_eq!(
            topics.of(&["tea", "in", "this", "cold", "snap"]),
            ["leisure", "weather"]
        );
    }
}
