"""Two `performa serve` on one PostgreSQL, behind nginx, all on 127.0.0.1: sessions and writes cross replicas at
once, and nginx spreads requests over both without errors."""
import json
import unittest

import harness
from harness import PLAN, Api, Nginx, Server, request

SCORES = f"/api/plans/{PLAN}/scores?at=2021-12-31"


class ScaleOut(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        database = harness.fresh_postgres_database("performa_scaleout")
        # One at a time: the first loads the demo data, the second finds it there.
        cls.first = Server(database=database).start()
        cls.second = Server(database=database).start()

    @classmethod
    def tearDownClass(cls):
        for server in (cls.first, cls.second):
            server.stop()

    def test_session_opened_on_one_instance_works_on_the_other(self):
        cookie = harness.browser_session(self.first.base, "vairano")
        status, headers, _ = request(self.second.base, "GET", f"/piani/{PLAN}/cruscotto", headers={"Cookie": cookie})
        self.assertEqual(status, 200, headers)
        token = Api(self.first.base, "lettore").token
        self.assertEqual(request(self.second.base, "GET", SCORES, headers={"Authorization": f"Bearer {token}"})[0], 200)

    def test_write_through_one_is_read_through_the_other_at_once(self):
        writer, reader = Api(self.first.base), Api(self.second.base)
        before = reader.get(SCORES)[2]
        status, _, body = writer.record("1.1.2/1", "2021-12-31", "1234", note="scritto sulla prima istanza")
        self.assertEqual(status, 201, body)
        self.assertEqual(reader.history("1.1.2/1", "2021-12-31")[-1]["text"], "1234")
        after_second, after_first = reader.get(SCORES)[2], writer.get(SCORES)[2]
        self.assertNotEqual(after_second, before, "the second instance's scores changed at once")
        self.assertEqual(after_second, after_first)

    def test_nginx_spreads_requests_and_every_one_sees_the_latest_write(self):
        with Nginx([self.first.port, self.second.port]) as nginx:
            api = Api(nginx.base)
            statuses = [api.get(SCORES)[0] for _ in range(20)]
            self.assertEqual(set(statuses), {200})
            self.assertEqual(api.record("1.1.2/1", "2021-12-31", "4321")[0], 201)
            seen = {api.history("1.1.2/1", "2021-12-31")[-1]["text"] for _ in range(10)}
            self.assertEqual(seen, {"4321"})
            bodies = {api.get(SCORES)[2] for _ in range(10)}
            self.assertEqual(len(bodies), 1, "both instances give the same scores")


if __name__ == "__main__":
    unittest.main()
