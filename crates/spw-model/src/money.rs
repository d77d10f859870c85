//! Money in integer pence and percentages in hundredths of a percent — never floating point.
//!
//! Every rounding is half away from zero, done once, on an exact integer product.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub};

/// An amount of money in pence (GBP minor units).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pence(pub i64);

/// Divide `num` by `den` (den > 0), rounding half away from zero.
pub fn div_round(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

fn saturate(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

impl Pence {
    /// Zero pence.
    pub const ZERO: Pence = Pence(0);

    /// Parse a decimal amount in pounds such as `"12.50"` or `"0.65"` (at most two decimals).
    pub fn parse_pounds(text: &str) -> Result<Pence, String> {
        let t = text.trim();
        let (neg, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let digits = digits.strip_prefix('£').unwrap_or(digits);
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "`{text}` is not an amount in pounds like \"12.50\""
            ));
        }
        if frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{text}` must have at most two decimal places"));
        }
        let pounds: i64 = whole
            .parse()
            .map_err(|_| format!("`{text}` is too large an amount"))?;
        let mut pence: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse::<i64>().unwrap_or(0) * if frac.len() == 1 { 10 } else { 1 }
        };
        pence = pounds
            .checked_mul(100)
            .and_then(|p| p.checked_add(pence))
            .ok_or_else(|| format!("`{text}` is too large an amount"))?;
        Ok(Pence(if neg { -pence } else { pence }))
    }

    /// This amount times `num / den`, rounded half away from zero (`den` must be positive).
    #[must_use]
    pub fn mul_ratio(self, num: i128, den: i128) -> Pence {
        Pence(saturate(div_round(i128::from(self.0) * num, den)))
    }

    /// This amount times a whole count.
    #[must_use]
    pub fn times(self, count: i64) -> Pence {
        Pence(self.0.saturating_mul(count))
    }

    /// The amount in pounds, for display only.
    pub fn as_pounds_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl Add for Pence {
    type Output = Pence;
    fn add(self, o: Pence) -> Pence {
        Pence(self.0.saturating_add(o.0))
    }
}

impl AddAssign for Pence {
    fn add_assign(&mut self, o: Pence) {
        *self = *self + o;
    }
}

impl Sub for Pence {
    type Output = Pence;
    fn sub(self, o: Pence) -> Pence {
        Pence(self.0.saturating_sub(o.0))
    }
}

impl Neg for Pence {
    type Output = Pence;
    fn neg(self) -> Pence {
        Pence(self.0.saturating_neg())
    }
}

impl std::iter::Sum for Pence {
    fn sum<I: Iterator<Item = Pence>>(iter: I) -> Pence {
        iter.fold(Pence::ZERO, Add::add)
    }
}

impl fmt::Display for Pence {
    /// `£12,345.67`, with a leading minus sign for negative amounts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.0.unsigned_abs();
        let pounds = (abs / 100).to_string();
        let mut grouped = String::with_capacity(pounds.len() + pounds.len() / 3);
        for (i, ch) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}£{grouped}.{:02}", abs % 100)
    }
}

impl Serialize for Pence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

/// A percentage held exactly in hundredths of a percent (basis points): 7.5 % is `Percentage(750)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percentage(pub i64);

impl Percentage {
    /// Parse `"15.00"`, `"7.5"` or `"20"` (at most two decimals).
    pub fn parse(text: &str) -> Result<Percentage, String> {
        Pence::parse_pounds(text)
            .map(|p| Percentage(p.0))
            .map_err(|_| {
                format!(
                    "`{}` is not a percentage with at most two decimals",
                    crate::text::clip(text, crate::text::ECHO_CHARS)
                )
            })
    }

    /// From a JSON number such as `7.5`; refuses more than two decimals and non-finite values.
    pub fn from_f64(value: f64) -> Result<Percentage, String> {
        if !value.is_finite() {
            return Err("a percentage must be a finite number".into());
        }
        let scaled = value * 100.0;
        let rounded = scaled.round();
        if (scaled - rounded).abs() > 1e-6 {
            return Err(format!("{value} has more than two decimal places"));
        }
        if rounded.abs() > 1e15 {
            return Err(format!("{value} is too large a percentage"));
        }
        #[allow(clippy::cast_possible_truncation)] // bounded above
        Ok(Percentage(rounded as i64))
    }

    /// The percentage as a number, e.g. 7.5.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// This percentage of an amount, rounded to the penny.
    pub fn of(self, amount: Pence) -> Pence {
        amount.mul_ratio(i128::from(self.0), 10_000)
    }
}

impl fmt::Display for Percentage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.0.unsigned_abs();
        let sign = if self.0 < 0 { "-" } else { "" };
        if abs.is_multiple_of(100) {
            write!(f, "{sign}{}%", abs / 100)
        } else {
            write!(f, "{sign}{}.{:02}%", abs / 100, abs % 100)
        }
    }
}

impl Serialize for Percentage {
    /// As a JSON number, e.g. `7.5`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Pence {
    /// From a string of pounds such as `"12.50"` (how the catalogue files write prices).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Pence::parse_pounds(&s).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Percentage {
    /// From a string such as `"15.00"`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Percentage::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pounds() {
        assert_eq!(Pence::parse_pounds("12.50"), Ok(Pence(1250)));
        assert_eq!(Pence::parse_pounds("0.65"), Ok(Pence(65)));
        assert_eq!(Pence::parse_pounds("3.1"), Ok(Pence(310)));
        assert_eq!(Pence::parse_pounds("7"), Ok(Pence(700)));
        assert!(Pence::parse_pounds("1.234").is_err());
        assert!(Pence::parse_pounds("abc").is_err());
        assert!(Pence::parse_pounds("").is_err());
        assert!(Pence::parse_pounds("99999999999999999999").is_err());
    }

    #[test]
    fn displays_grouped_pounds() {
        assert_eq!(Pence(123_456_789).to_string(), "£1,234,567.89");
        assert_eq!(Pence(5).to_string(), "£0.05");
        assert_eq!(Pence(-1050).to_string(), "-£10.50");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_round(5, 2), 3);
        assert_eq!(div_round(-5, 2), -3);
        assert_eq!(div_round(4, 3), 1);
        assert_eq!(Percentage(2000).of(Pence(1)), Pence(0));
        assert_eq!(Percentage(5000).of(Pence(1)), Pence(1));
        assert_eq!(Percentage(750).of(Pence(10_000)), Pence(750));
    }

    #[test]
    fn percentages() {
        assert_eq!(Percentage::from_f64(7.5), Ok(Percentage(750)));
        assert_eq!(Percentage::from_f64(20.0), Ok(Percentage(2000)));
        assert!(Percentage::from_f64(7.555).is_err());
        assert!(Percentage::from_f64(f64::NAN).is_err());
        assert_eq!(Percentage::parse("15.00"), Ok(Percentage(1500)));
        assert_eq!(Percentage(750).to_string(), "7.50%");
        assert_eq!(Percentage(2000).to_string(), "20%");
    }
}
