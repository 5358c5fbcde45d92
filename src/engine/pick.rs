//! Choosing among a line's variants: seeded, portable, and never the same line twice in a
//! row from one rule until its variants run out.
//!
//! Each rule gets its own permutation of its variants, from a generator seeded by the
//! conversation's seed and the rule's identity (not by a shared stream), so that adding a
//! rule or a variant in one place does not reshuffle every later choice.

use crate::content::values::Variants;
use crate::hash::fnv1a;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;
use std::collections::BTreeMap;

/// How many times each rule has spoken, so the next choice is the next in its order.
pub type Uses = BTreeMap<String, u32>;

pub fn choose<'a>(variants: &'a Variants, seed: u64, rule: &str, uses: &mut Uses) -> &'a str {
    let lines = variants.all();
    let count = uses.entry(rule.to_owned()).or_insert(0);
    let mut order: Vec<usize> = (0..lines.len()).collect();
    // Xoshiro's output is fixed by its algorithm, unlike StdRng's, so a seed replays the
    // same conversation after an upgrade.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed ^ fnv1a(rule.as_bytes()));
    order.shuffle(&mut rng);
    let index = order[*count as usize % lines.len()];
    *count += 1;
    &lines[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variants(n: usize) -> Variants {
        let lines: Vec<String> = (0..n).map(|i| format!("line {i}")).collect();
        toml::from_str::<toml::Table>(&format!("v = {lines:?}"))
            .ok()
            .and_then(|t| t["v"].clone().try_into().ok())
            .expect("variants")
    }

    #[test]
    fn a_rule_uses_every_variant_before_repeating() {
        let v = variants(5);
        let mut uses = Uses::new();
        let mut seen: Vec<&str> = (0..5).map(|_| choose(&v, 7, "r", &mut uses)).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 5);
    }

    #[test]
    fn the_same_seed_chooses_the_same_and_seeds_differ() {
        let v = variants(6);
        let run = |seed| {
            let mut uses = Uses::new();
            (0..6)
                .map(|_| choose(&v, seed, "r", &mut uses).to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(1), run(1));
        assert!((2..10).any(|seed| run(seed) != run(1)));
    }
}
