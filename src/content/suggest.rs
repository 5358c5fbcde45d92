//! "Did you mean …?": the nearest known name to a misspelt one.

/// The closest candidate within a small edit distance, if any is close enough to be a typo.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    let allowed = (typed.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| {
            let candidate = c.to_lowercase();
            // `agitate` for `agitation`: a stem typed for a longer word is a near miss too.
            let stem = typed_lower.len() >= 4
                && (candidate.starts_with(&typed_lower[..typed_lower.len() - 1])
                    || typed_lower.starts_with(&candidate));
            let distance = edit_distance(&typed_lower, &candidate);
            (
                if stem {
                    distance.min(allowed)
                } else {
                    distance
                },
                c,
            )
        })
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// Levenshtein distance, counting a swap of two neighbours as one edit (typists swap).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stem_finds_the_longer_word() {
        let steps = [
            "introduction",
            "stake",
            "agitation",
            "vision",
            "ask",
            "next_steps",
        ];
        assert_eq!(nearest("agitate", steps), Some("agitation"));
        assert_eq!(nearest("intro", steps), Some("introduction"));
        assert_eq!(nearest("next", steps), Some("next_steps"));
    }

    #[test]
    fn finds_typos_and_ignores_strangers() {
        let keys = ["name", "called", "pronouns", "portrait", "stakes"];
        let cases = [
            ("nmae", Some("name")),
            ("Name", Some("name")),
            ("portait", Some("portrait")),
            ("stake", Some("stakes")),
            ("portraits", Some("portrait")),
            ("favourite_colour", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(nearest(typed, keys), expected, "{typed}");
        }
    }
}
