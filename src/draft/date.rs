//! Dates in a sentence, resolved against the article's date: "on May 21st", "May 25,
//! 2013", "in January 2013", "this past February", "this spring", "in 2012", "on
//! Friday", "today", "last year". The first date a sentence names is the date of the
//! ties it states; without one, a tie takes the article's date.

use crate::model::PartialDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(&w) && (w.len() >= 3) && (w == *m || w.len() <= 4)).map(|i| i as u8 + 1)
}

fn number(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    if digits.is_empty()
        || !(rest.is_empty() || matches!(rest.trim_end_matches([',', '.']), "st" | "nd" | "rd" | "th" | ""))
    {
        return None;
    }
    digits.parse().ok()
}

/// Days since 0000-03-01 (a civil calendar count), for weekday arithmetic.
fn day_number(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

fn from_day_number(n: i64) -> (i64, i64, i64) {
    let era = n.div_euclid(146_097);
    let doe = n - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The first date named in `sentence`, resolved against `article` (the article's date).
pub fn resolve(sentence: &str, article: Option<&PartialDate>) -> Option<PartialDate> {
    let words: Vec<&str> =
        sentence.split(|c: char| c.is_whitespace() || c == '(' || c == ')').filter(|w| !w.is_empty()).collect();
    let base = article.map(PartialDate::first_day);
    let year_of = |w: &str| number(w).filter(|y| (1800..=2200).contains(y)).map(|y| y as u16);
    for (i, raw) in words.iter().enumerate() {
        let w = raw.trim_matches(|c: char| c == ',' || c == '.' || c == ';' || c == ':');
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        let lower = w.to_ascii_lowercase();
        let prev = i.checked_sub(1).and_then(|p| words.get(p)).map(|w| w.to_ascii_lowercase()).unwrap_or_default();
        let next = words.get(i + 1).copied().unwrap_or("");
        let next2 = words.get(i + 2).copied().unwrap_or("");
        if let Some(month) = month_of(w).filter(|_| w.chars().next().is_some_and(char::is_uppercase)) {
            // "May" alone is a verb too often: require a day, a year, or a time word before it.
            if let Some(day) = number(next).filter(|d| (1..=31).contains(d)) {
                let year = year_of(next2.trim_end_matches([',', '.'])).or_else(|| base.map(|b| b.year));
                if let Some(year) = year {
                    return PartialDate::day(year, month, day as u8);
                }
            }
            if let Some(year) = year_of(next.trim_end_matches([',', '.'])) {
                return PartialDate::month(year, month);
            }
            if matches!(prev.as_str(), "in" | "past" | "last" | "since" | "until" | "early" | "late" | "mid") {
                let b = base?;
                let year = if prev == "last" || month > b.month { b.year - 1 } else { b.year };
                return PartialDate::month(year, month);
            }
            continue;
        }
        if let Some(day) = number(w).filter(|d| (1..=31).contains(d)) {
            if let Some(month) = month_of(next.trim_end_matches([',', '.'])) {
                let year = year_of(next2.trim_end_matches([',', '.'])).or_else(|| base.map(|b| b.year));
                if let Some(year) = year {
                    return PartialDate::day(year, month, day as u8);
                }
            }
        }
        if let Some(year) = year_of(w).filter(|_| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) {
            return Some(PartialDate::year(year));
        }
        let b = base?;
        match lower.as_str() {
            "today" | "yesterday" | "tonight" => {
                let n = day_number(i64::from(b.year), i64::from(b.month), i64::from(b.day))
                    - i64::from(lower == "yesterday");
                let (y, m, d) = from_day_number(n);
                return PartialDate::day(y as u16, m as u8, d as u8);
            }
            "year" if prev == "last" => return Some(PartialDate::year(b.year - 1)),
            "year" if prev == "this" => return Some(PartialDate::year(b.year)),
            "spring" | "summer" | "autumn" | "fall" | "winter" if matches!(prev.as_str(), "this" | "last" | "past") => {
                let start = match lower.as_str() {
                    "spring" => 3,
                    "summer" => 6,
                    "winter" => 12,
                    _ => 9,
                };
                let year = if prev == "last" || start > b.month { b.year - 1 } else { b.year };
                return PartialDate::month(year, start);
            }
            _ => {}
        }
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == lower) {
            if matches!(prev.as_str(), "on" | "last" | "since") || i == 0 || next.starts_with(',') {
                let today = day_number(i64::from(b.year), i64::from(b.month), i64::from(b.day));
                // 0000-03-01 was a Wednesday (index 2).
                let today_wd = (today + 2).rem_euclid(7);
                let back = (today_wd - wd as i64).rem_euclid(7);
                let (y, m, d) = from_day_number(today - back);
                return PartialDate::day(y as u16, m as u8, d as u8);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, article: &str) -> Option<String> {
        resolve(s, Some(&article.parse().unwrap())).map(|d| d.to_string())
    }

    #[test]
    fn dates_resolve_against_the_article_date() {
        assert_eq!(at("Putin signed the deal on May 21st in Shanghai.", "2014-08-01").as_deref(), Some("2014-05-21"));
        assert_eq!(at("This past February, Abe attended.", "2014-08-01").as_deref(), Some("2014-02"));
        assert_eq!(at("since the former took office at the end of 2012.", "2014-08-01").as_deref(), Some("2012"));
        assert_eq!(
            at("in Addis Ababa, Ethiopia, on May 25, 2013, at which", "2013-05-26").as_deref(),
            Some("2013-05-25")
        );
        assert_eq!(at("a meeting in January 2013 of the AU panel", "2013-05-26").as_deref(), Some("2013-01"));
        // 2008-07-12 was a Saturday: "on Friday" is the day before.
        assert_eq!(at("a two-hour private meeting on Friday.", "2008-07-12").as_deref(), Some("2008-07-11"));
        assert_eq!(at("They met today in Washington.", "2023-10-26").as_deref(), Some("2023-10-26"));
        assert_eq!(at("Up until this spring's crisis in Ukraine", "2014-08-01").as_deref(), Some("2014-03"));
        assert_eq!(at("Japan may join the talks.", "2014-08-01"), None);
    }
}
