//! Sharing a quote-level amount (discount, VAT) out to lines so the shares sum exactly.

use spw_model::Pence;

/// Split `amount` in proportion to `weights` by the largest-remainder method: every share is
/// within a penny of its exact proportion and the shares sum to `amount`. Ties go to the earlier
/// line. With no positive weight, everything goes to the first line.
pub fn allocate(amount: Pence, weights: &[Pence]) -> Vec<Pence> {
    let mut shares = vec![Pence::ZERO; weights.len()];
    if weights.is_empty() {
        return shares;
    }
    let total: i128 = weights.iter().map(|w| i128::from(w.0.max(0))).sum();
    if total == 0 {
        shares[0] = amount;
        return shares;
    }
    let a = i128::from(amount.0);
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    let mut given: i128 = 0;
    for (i, w) in weights.iter().enumerate() {
        let exact = a * i128::from(w.0.max(0));
        let floor = exact.div_euclid(total);
        shares[i] = Pence(i64::try_from(floor).unwrap_or(0));
        given += floor;
        remainders.push((exact.rem_euclid(total), i));
    }
    remainders.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    let left = a - given;
    for (_, i) in remainders
        .iter()
        .take(usize::try_from(left.max(0)).unwrap_or(0))
    {
        shares[*i] += Pence(1);
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn thirds() {
        let s = allocate(Pence(100), &[Pence(1), Pence(1), Pence(1)]);
        assert_eq!(s, vec![Pence(34), Pence(33), Pence(33)]);
    }

    proptest! {
        #[test]
        fn shares_sum_and_stay_within_a_penny(
            amount in 0i64..10_000_000,
            weights in proptest::collection::vec(0i64..5_000_000, 1..12),
        ) {
            let w: Vec<Pence> = weights.iter().map(|&x| Pence(x)).collect();
            let s = allocate(Pence(amount), &w);
            prop_assert_eq!(s.iter().map(|p| p.0).sum::<i64>(), amount);
            let total: i128 = weights.iter().map(|&x| i128::from(x)).sum();
            if total > 0 {
                for (share, weight) in s.iter().zip(&weights) {
                    let exact = i128::from(amount) * i128::from(*weight);
                    let diff = i128::from(share.0) * total - exact;
                    prop_assert!(diff.abs() < total, "share {} too far from {}/{}", share.0, exact, total);
                }
            }
        }
    }
}
