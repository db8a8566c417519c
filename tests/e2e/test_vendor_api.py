"""The obs-websocket vendor API "live-commerce-studio" in the real OBS: every request works without
request data, bad fields get an error naming them, events follow the session; what the host says
(SpeechText, a text source followed as the transcript) is logged as speech and checked."""
import json
import time
import unittest

import lcs_e2e

VENDOR = "live-commerce-studio"


class VendorApi(unittest.TestCase):
    def test_requests_events_and_overlays(self):
        obs = lcs_e2e.start_obs(language="zh-CN")
        self.addCleanup(obs.cleanup)
        with obs.client() as client:
            def call(request, data=None):
                return client.vendor(VENDOR, request, data)

            def vendor_event(name, match=lambda d: True, timeout=15):
                return client.wait_event(lambda e: e["eventType"] == "VendorEvent"
                                         and e["eventData"]["vendorName"] == VENDOR
                                         and e["eventData"]["eventType"] == name
                                         and match(e["eventData"]["eventData"]), timeout)["eventData"]["eventData"]

            status = call("GetStatus")
            self.assertTrue(status["ok"])
            self.assertFalse(status["sessionRunning"])

            self.assertTrue(call("StartSession")["ok"])
            started = vendor_event("SessionStarted")
            self.assertTrue(started["logPath"].endswith(".jsonl"))

            self.assertTrue(call("NextCue")["ok"])
            cue = vendor_event("CueChanged")
            self.assertTrue(cue["cueText"])
            self.assertTrue(call("PreviousCue")["ok"])

            self.assertTrue(call("PinProduct")["ok"])
            promo = call("StartPromotion")
            self.assertTrue(promo["ok"], promo)
            vendor_event("PromotionChanged", lambda d: d["promoId"] == promo["promoId"] and d["change"] == "started")

            injected = call("InjectComment")
            self.assertTrue(injected["ok"])
            vendor_event("CommentPosted", lambda d: d["commentId"] == injected["commentId"])
            answered = call("AnswerComment", {"commentId": injected["commentId"]})
            self.assertTrue(answered["ok"], answered)

            # Validation: the error names the field.
            bad = call("PinProduct", {"sku": 5})
            self.assertFalse(bad["ok"])
            self.assertIn("'sku'", bad["error"])
            missing = call("PinProduct", {"sku": "NO-SUCH-SKU"})
            self.assertFalse(missing["ok"])
            self.assertIn("NO-SUCH-SKU", missing["error"])
            self.assertFalse(call("InjectComment", {"kind": "shout"})["ok"])
            self.assertFalse(call("StopPromotion", {"promoId": "not-running"})["ok"])

            # What the host says (issue 15): a speech recogniser's SpeechText (partial, then final),
            # then a text source a captioning plugin writes, followed as the transcript.
            for bad, field in ((None, "'text'"), ({"final": True}, "'text'"), ({"text": 5}, "'text'"),
                               ({"text": "好", "final": "yes"}, "'final'")):
                refused = call("SpeechText", bad)
                self.assertFalse(refused["ok"], bad)
                self.assertIn(field, refused["error"])
            self.assertTrue(call("SpeechText", {"text": "这是全网最好", "final": False})["ok"])
            said = "这是全网最好的蜂蜜，家人们放心买。"
            self.assertTrue(call("SpeechText", {"text": said})["ok"])
            scene = client.call("GetCurrentProgramScene")["currentProgramSceneName"]
            client.call("CreateInput", {"sceneName": scene, "inputName": "LCS captions", "inputKind": "text_ft2_source_v2",
                                        "inputSettings": {"text": "开播前的旧字幕"}})
            self.assertFalse(call("SetTranscriptSource", {"sourceName": 3})["ok"])
            self.assertTrue(call("SetTranscriptSource", {"sourceName": "LCS captions"})["ok"])
            deadline = time.monotonic() + 10
            while not call("GetStatus")["transcriptWatching"] and time.monotonic() < deadline:
                time.sleep(0.2)
            self.assertTrue(call("GetStatus")["transcriptWatching"])
            captioned = "蜂蜜是杨叔今年秋天刚摇出来的。"
            client.call("SetInputSettings", {"inputName": "LCS captions", "inputSettings": {"text": captioned}})
            deadline = time.monotonic() + 10  # final once unchanged for 1.5 s
            def heard_final():
                status = call("GetStatus")
                return status["lastSpeech"] == captioned and status["lastSpeechFinal"]
            while not heard_final() and time.monotonic() < deadline:  # partial first, then final
                time.sleep(0.2)
            status = call("GetStatus")
            self.assertEqual(status["lastSpeech"], captioned)
            self.assertTrue(status["lastSpeechFinal"])
            self.assertTrue([f for f in status["speechFindings"] if f["term"] and f["term"] in said], status)

            time.sleep(1.0)
            status = call("GetStatus")
            self.assertTrue(status["sessionRunning"])
            self.assertTrue(status["pinnedSku"])
            self.assertIn(promo["promoId"], [p["promoId"] for p in status["runningPromotions"]])

            # The overlays show it: the pinned product on the price card, the chat in the feed.
            card = lcs_e2e.screenshot(client, "价格卡")
            self.assertGreater(lcs_e2e.bright_pixels(card, min_luma=120), 300)
            feed = lcs_e2e.screenshot(client, "评论区")
            self.assertGreater(lcs_e2e.bright_pixels(feed, min_luma=120), 100)

            self.assertTrue(call("StopPromotion")["ok"])
            self.assertTrue(call("StopSession")["ok"])
            ended = vendor_event("SessionEnded")
            self.assertEqual(ended["reason"], "stopped")
        self.assertEqual(obs.stop(), 0)

        lines = open(started["logPath"], encoding="utf-8").read().splitlines()
        events = [json.loads(line) for line in lines[1:]]
        answered_ids = [e["comment_id"] for e in events if e["type"] == "comment_answered"]
        self.assertIn(injected["commentId"], answered_ids)
        self.assertIn("promo_start", [e["type"] for e in events])
        # Only final speech is logged, the caption shown before it was followed is not speech; the
        # violating sentence is flagged where it was said, the clean one is not.
        self.assertEqual([e["text"] for e in events if e["type"] == "speech"], [said, captioned])
        spoken = [e for e in events if e["type"] == "compliance_flag" and e["where"] == "speech"]
        self.assertTrue(spoken)
        for flag in spoken:
            self.assertIn(flag["term"], said)
            self.assertIn(flag["severity"], ("ban", "caution"))
        self.assertIn("absolute", [flag["category"] for flag in spoken])
        self.assertIn("compliance rules loaded", obs.log_text())
        self.assertIn("vendor 'live-commerce-studio' registered", obs.log_text())


if __name__ == "__main__":
    unittest.main(verbosity=2)
