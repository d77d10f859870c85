//! Where hinges go and how many a leaf needs.

/// Hinges a leaf needs for its height alone: 3 above 2100 mm, else 2 (design plan 4.4).
pub fn hinges_for_height(leaf_height_mm: i64) -> u32 {
    if leaf_height_mm > 2100 { 3 } else { 2 }
}

/// Hinges a leaf needs: enough for its height, and enough that each carries at most its
/// rated load.
pub fn required_hinges(leaf_height_mm: i64, leaf_weight_kg: f64, capacity_kg: f64) -> u32 {
    let by_height = hinges_for_height(leaf_height_mm);
    if !(capacity_kg > 0.0) || !leaf_weight_kg.is_finite() || leaf_weight_kg <= 0.0 {
        return by_height;
    }
    let by_weight = (leaf_weight_kg / capacity_kg).ceil().min(100.0);
    #[allow(clippy::cast_possible_truncation)] // bounded to 0..=100 above
    let by_weight = by_weight as u32;
    by_height.max(by_weight)
}

/// Hinge centres between the leaf's bottom `y0` and top `y1`: the top and bottom hinges at their
/// offsets, the rest evenly between. Offsets are clamped so hinges stay on the leaf.
pub fn hinge_centres(
    y0: i64,
    y1: i64,
    count: u32,
    top_offset: i64,
    bottom_offset: i64,
) -> Vec<i64> {
    let height = y1 - y0;
    if count == 0 || height <= 0 {
        return Vec::new();
    }
    let top = y1 - top_offset.clamp(0, height / 2);
    let bottom = y0 + bottom_offset.clamp(0, height / 2);
    if count == 1 {
        return vec![(top + bottom) / 2];
    }
    let n = i64::from(count - 1);
    (0..=n).map(|i| bottom + (top - bottom) * i / n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_rule_and_weight() {
        assert_eq!(hinges_for_height(2100), 2);
        assert_eq!(hinges_for_height(2101), 3);
        assert_eq!(required_hinges(2000, 55.0, 30.0), 2);
        assert_eq!(required_hinges(2000, 61.0, 30.0), 3);
        assert_eq!(required_hinges(2200, 20.0, 30.0), 3);
        assert_eq!(required_hinges(2000, 95.0, 30.0), 4);
    }

    #[test]
    fn centres() {
        assert_eq!(hinge_centres(0, 2000, 2, 250, 250), vec![250, 1750]);
        assert_eq!(hinge_centres(0, 2000, 3, 250, 250), vec![250, 1000, 1750]);
        assert!(hinge_centres(0, 0, 3, 250, 250).is_empty());
    }
}
