//! The page's Content-Security-Policy sources: the viewer's own script and style named by
//! their SHA-256 hash (`'sha256-…'`, standard base64), so the browser runs nothing else.
//! The hash and the encoding come from the `sha2` and `base64` crates.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The CSP source naming `text` by hash: `'sha256-…'`.
pub(crate) fn csp_source(text: &str) -> String {
    format!("'sha256-{}'", STANDARD.encode(Sha256::digest(text.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The FIPS 180-4 example digests (its hex values re-encoded as RFC 4648 base64), so the
    /// test checks both crates and how they are joined.
    #[test]
    fn sources_carry_the_standard_digests_in_base64() {
        assert_eq!(csp_source(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        assert_eq!(csp_source("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
        let two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(csp_source(two_blocks), "'sha256-JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE='");
    }
}
