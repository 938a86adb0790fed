//! greeter: a small HTTP service on the standard library only (no crates: crates.io is not reachable here).
//! GET /healthz answers `ok`; GET /api/greet?name=Ada answers {"greeting":"Hello, Ada!"}.

mod http;

use std::env;
use std::io;
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

extern "C" {
    fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
    fn _exit(status: i32) -> !;
}

const SIGINT: i32 = 2;
const SIGTERM: i32 = 15;

// `docker stop` sends SIGTERM to PID 1, which ignores it unless it has a handler: exit at once
// instead of being killed after 10 s. Every request is answered in one write, so nothing is cut off
// that a client would not retry.
extern "C" fn on_stop(_signum: i32) {
    unsafe { _exit(0) }
}

fn main() -> io::Result<()> {
    unsafe {
        signal(SIGTERM, on_stop);
        signal(SIGINT, on_stop);
    }
    let port = env::var("PORT").unwrap_or_else(|_| "8080".to_string());
    let listener = TcpListener::bind(("0.0.0.0", port.parse::<u16>().unwrap_or(8080)))?;
    eprintln!("greeter listening on :{}", port);
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(error) => {
                eprintln!("accept failed: {}", error);
                continue;
            }
        };
        thread::spawn(move || {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            if let Err(error) = http::serve(stream) {
                eprintln!("connection failed: {}", error);
            }
        });
    }
    Ok(())
}
