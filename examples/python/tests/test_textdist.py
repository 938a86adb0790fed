import json
import threading
import unittest
from http.server import ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.request import urlopen

from textdist import distance
from textdist.server import Handler


class DistanceTest(unittest.TestCase):
    def test_the_classic_kitten_sitting_pair_is_three_edits_apart(self):
        self.assertEqual(distance("kitten", "sitting"), 3)

    def test_an_empty_string_is_as_far_as_the_other_string_is_long(self):
        self.assertEqual(distance("", "abc"), 3)
        self.assertEqual(distance("abc", ""), 3)

    def test_non_ascii_characters_count_as_one_edit_each(self):
        self.assertEqual(distance("café", "cafe"), 1)
        self.assertEqual(distance("日本語", "日本"), 1)


class ServerTest(unittest.TestCase):
    def setUp(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def tearDown(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def test_healthz_answers_ok(self):
        with urlopen(self.base + "/healthz") as response:
            self.assertEqual(response.read(), b"ok")

    def test_distance_endpoint_returns_json(self):
        with urlopen(self.base + "/api/distance?a=kitten&b=sitting") as response:
            self.assertEqual(json.load(response), {"a": "kitten", "b": "sitting", "distance": 3})

    def test_distance_without_parameters_is_a_bad_request(self):
        with self.assertRaises(HTTPError) as caught:
            urlopen(self.base + "/api/distance?a=x")
        self.assertEqual(caught.exception.code, 400)


if __name__ == "__main__":
    unittest.main()
