//! Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the periods they cover.
//!
//! A partial date names a period: `2014` is the whole year, `2014-03` the month of March.
//! An edge with `since: "2014"` is in force from 2014-01-01 on; `until: "2014"` is inclusive,
//! so the edge is still in force on 2014-12-31. Comparisons use the first or last day of the
//! period as the rule requires, so they are exact for every precision.
//!
//! Why not a crate: chrono, time and jiff model full dates and instants; a partial date that
//! stands for a whole year or month, compared by the first or last day of its period, is this
//! model's own notion. The calendar it needs (leap years, month lengths) is a dozen lines.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, used as the first or last day of a [`PartialDate`]'s period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year, 0 to 9999.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

/// A date given to year, month or day precision.
///
/// Ordering compares the start of the period, then the precision (coarser first), so that
/// `2014 < 2014-01 < 2014-01-01 < 2014-01-02`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a text is not a partial date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text does not have the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("`{text}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Shape {
        /// The offending text.
        text: String,
    },
    /// The month is not 1 to 12.
    #[error("`{text}` has month {month}, which is not 1 to 12")]
    Month {
        /// The offending text.
        text: String,
        /// The month given.
        month: u32,
    },
    /// The day does not exist in that month.
    #[error("`{text}` has day {day}, but that month has {max} days")]
    Day {
        /// The offending text.
        text: String,
        /// The day given.
        day: u32,
        /// Days in that month.
        max: u8,
    },
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1..=12) of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// A year-precision date.
    pub fn year(year: u16) -> Self {
        Self { year, month: None, day: None }
    }

    /// A month-precision date; `None` when the month is out of range.
    pub fn month(year: u16, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None })
    }

    /// A day-precision date; `None` when the day does not exist.
    pub fn day(year: u16, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// The year.
    pub fn year_part(&self) -> u16 {
        self.year
    }

    /// The first day of the period this date names.
    pub fn first_day(&self) -> Day {
        Day { year: self.year, month: self.month.unwrap_or(1), day: self.day.unwrap_or(1) }
    }

    /// The last day of the period this date names.
    pub fn last_day(&self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Day { year: self.year, month, day }
    }
}

/// Whether an interval `[since, until]` (each end open when `None`, `until` inclusive)
/// overlaps the period named by `at`.
///
/// For a day-precision `at` this is the plain "in force on that day"; for `at = 2014` it
/// means "in force at some time in 2014".
pub fn in_force(since: Option<&PartialDate>, until: Option<&PartialDate>, at: &PartialDate) -> bool {
    let starts_in_time = since.is_none_or(|s| s.first_day() <= at.last_day());
    let lasts_long_enough = until.is_none_or(|u| u.last_day() >= at.first_day());
    starts_in_time && lasts_long_enough
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day().cmp(&other.first_day()).then_with(|| self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialDate {
    fn precision(&self) -> u8 {
        u8::from(self.month.is_some()) + u8::from(self.day.is_some())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let shape = || DateError::Shape { text: text.to_owned() };
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(shape());
        }
        let number = |s: &str| s.parse::<u32>().map_err(|_| shape());
        let year = u16::try_from(number(parts.first().copied().unwrap_or_default())?).map_err(|_| shape())?;
        let Some(month_text) = parts.get(1) else {
            return Ok(Self::year(year));
        };
        let month = number(month_text)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month { text: text.to_owned(), month });
        }
        let month = month as u8;
        let Some(day_text) = parts.get(2) else {
            return Ok(Self { year, month: Some(month), day: None });
        };
        let day = number(day_text)?;
        let max = days_in_month(year, month);
        if day == 0 || day > u32::from(max) {
            return Err(DateError::Day { text: text.to_owned(), day, max });
        }
        Ok(Self { year, month: Some(month), day: Some(day as u8) })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2014", "2014-03", "2014-03-18", "0945", "2012-02-29"] {
            assert_eq!(d(text).to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_dates() {
        for text in
            ["", "14", "2014-3", "2014-13", "2014-00", "2013-02-29", "2014-04-31", "2014/03", "+2014", "2014-03-18T00"]
        {
            assert!(text.parse::<PartialDate>().is_err(), "{text} should be rejected");
        }
    }

    #[test]
    fn since_year_is_in_force_through_the_year_and_not_before() {
        let since = d("2014");
        assert!(in_force(Some(&since), None, &d("2014-12-31")));
        assert!(in_force(Some(&since), None, &d("2014-01-01")));
        assert!(!in_force(Some(&since), None, &d("2013-12-31")));
    }

    #[test]
    fn until_is_inclusive_of_its_whole_period() {
        let until = d("2014-03");
        assert!(in_force(None, Some(&until), &d("2014-03-31")));
        assert!(!in_force(None, Some(&until), &d("2014-04-01")));
    }

    #[test]
    fn a_coarse_at_date_means_some_time_in_that_period() {
        let since = d("2014-03-18");
        assert!(in_force(Some(&since), None, &d("2014-03")));
        assert!(!in_force(Some(&since), None, &d("2014-02")));
    }

    #[test]
    fn ordering_is_by_start_then_precision() {
        assert!(d("2014") < d("2014-01"));
        assert!(d("2014-01") < d("2014-01-01"));
        assert!(d("2014-01-01") < d("2014-01-02"));
        assert!(d("2013-12-31") < d("2014"));
    }
}
