//! Just enough HTTP/1.1: one request per connection, GET only (405 for other methods), no request body.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;

/// The longest request line or header line read before answering 400.
const MAX_LINE: usize = 8 * 1024;

/// The longest name /api/greet accepts.
const MAX_NAME: usize = 64;

#[derive(Debug, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
}

impl Response {
    fn text(status: u16, body: &str) -> Response {
        Response { status, content_type: "text/plain; charset=utf-8", body: body.to_string() }
    }

    fn json(status: u16, body: String) -> Response {
        Response { status, content_type: "application/json", body }
    }
}

/// Reads one request from the connection and writes the answer.
pub fn serve(stream: TcpStream) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.by_ref().take(MAX_LINE as u64).read_line(&mut request_line)?;
    // Headers are read and dropped: no route needs one.
    loop {
        let mut header = String::new();
        let read = reader.by_ref().take(MAX_LINE as u64).read_line(&mut header)?;
        if read == 0 || header == "\r\n" || header == "\n" || !header.ends_with('\n') {
            break;
        }
    }
    let response = match parse_request_line(&request_line) {
        Some((method, target)) => respond(method, target),
        None => Response::text(400, "bad request\n"),
    };
    write_response(stream, &response)
}

fn parse_request_line(line: &str) -> Option<(&str, &str)> {
    let mut parts = line.trim_end().split(' ');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version), None) if version.starts_with("HTTP/1.") && target.starts_with('/') => Some((method, target)),
        _ => None,
    }
}

/// The answer to one request, by method and request target (path and query).
pub fn respond(method: &str, target: &str) -> Response {
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, query),
        None => (target, ""),
    };
    match path {
        "/healthz" | "/api/greet" if method != "GET" => Response::text(405, "method not allowed\n"),
        "/healthz" => Response::text(200, "ok"),
        "/api/greet" => match name_of(query) {
            Some(name) => Response::json(200, format!("{{\"greeting\":\"Hello, {}!\"}}", name)),
            None => Response::json(
                400,
                format!("{{\"error\":\"query parameter 'name' must be 1 to {} letters, digits, spaces or dashes\"}}", MAX_NAME),
            ),
        },
        _ => Response::text(404, "not found\n"),
    }
}

/// The `name` query parameter, URL-decoded; "world" when absent. Only letters, digits, spaces and dashes
/// pass, so the name needs no escaping in the JSON answer.
fn name_of(query: &str) -> Option<String> {
    let raw = query
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| *key == "name")
        .map(|(_, value)| value);
    let name = match raw {
        None => return Some("world".to_string()),
        Some(value) => decode(value)?,
    };
    let valid = !name.is_empty()
        && name.chars().count() <= MAX_NAME
        && name.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    if valid {
        Some(name)
    } else {
        None
    }
}

/// Percent-decoding with `+` as a space; None for a bad escape or bytes that are not UTF-8.
fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = value.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Unknown",
    }
}

fn write_response(mut stream: TcpStream, response: &Response) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(response.body.as_bytes());
    stream.write_all(&bytes)?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn healthz_answers_ok() {
        assert_eq!(respond("GET", "/healthz"), Response::text(200, "ok"));
    }

    #[test]
    fn greet_says_hello_to_the_name_or_the_world() {
        assert_eq!(respond("GET", "/api/greet?name=Ada").body, r#"{"greeting":"Hello, Ada!"}"#);
        assert_eq!(respond("GET", "/api/greet?name=Grace+Hopper").body, r#"{"greeting":"Hello, Grace Hopper!"}"#);
        assert_eq!(respond("GET", "/api/greet?name=Jos%C3%A9").body, r#"{"greeting":"Hello, José!"}"#);
        assert_eq!(respond("GET", "/api/greet").body, r#"{"greeting":"Hello, world!"}"#);
    }

    #[test]
    fn greet_rejects_names_that_would_need_escaping() {
        for query in ["name=", "name=%22", "name=a%5Cb", "name=%ZZ", "name=%FF", "name=<b>"] {
            assert_eq!(respond("GET", &format!("/api/greet?{}", query)).status, 400, "{}", query);
        }
        assert_eq!(respond("GET", &format!("/api/greet?name={}", "a".repeat(65))).status, 400);
    }

    #[test]
    fn unknown_paths_and_methods_are_refused() {
        assert_eq!(respond("GET", "/").status, 404);
        assert_eq!(respond("POST", "/healthz").status, 405);
    }

    #[test]
    fn request_lines_are_parsed_strictly() {
        assert_eq!(parse_request_line("GET /healthz HTTP/1.1\r\n"), Some(("GET", "/healthz")));
        assert_eq!(parse_request_line("GET /healthz\r\n"), None);
        assert_eq!(parse_request_line("GET healthz HTTP/1.1\r\n"), None);
        assert_eq!(parse_request_line(""), None);
    }
}
