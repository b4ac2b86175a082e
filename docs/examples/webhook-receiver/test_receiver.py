"""The example's verification against the vector docs/alarm-webhooks.md and WebhookSignatureTests use:
python3 -m unittest docs/examples/webhook-receiver/test_receiver.py"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from receiver import verify  # noqa: E402

BODY = b'{"alarmId":"a1"}'
SIGNATURE = "048bb8740facf21e18d2e069c72973cfe23371ed03d9dee5d59126c1ca8c7335"


class VerifyTests(unittest.TestCase):
    def test_accepts_the_documented_vector(self):
        self.assertTrue(verify(f"t=1765094400,v1={SIGNATURE}", BODY, "whsec_test", now=1765094400))

    def test_accepts_either_v1_during_a_rotation(self):
        self.assertTrue(verify(f"t=1765094400,v1={'0' * 64},v1={SIGNATURE}", BODY, "whsec_test", now=1765094400))

    def test_refuses_another_secret_a_changed_body_and_an_old_timestamp(self):
        self.assertFalse(verify(f"t=1765094400,v1={SIGNATURE}", BODY, "whsec_other", now=1765094400))
        self.assertFalse(verify(f"t=1765094400,v1={SIGNATURE}", b'{"alarmId":"a2"}', "whsec_test", now=1765094400))
        self.assertFalse(verify(f"t=1765094400,v1={SIGNATURE}", BODY, "whsec_test", now=1765094400 + 301))

    def test_refuses_malformed_headers(self):
        for header in (None, "", "v1=abc", "t=x,v1=abc", "t=1765094400", "garbage"):
            self.assertFalse(verify(header, BODY, "whsec_test", now=1765094400), header)


if __name__ == "__main__":
    unittest.main()
