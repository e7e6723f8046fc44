"""The study system in headless Chromium: grading and the FSRS schedule,
due/new counts, the review session, the mock interview (keyboard only, on a
360 px phone), progress export/import with bad files, clearing, corrupt
localStorage, and axe-core on the new controls. The clock is Playwright's,
so due dates and countdowns are exact and nothing waits in real time."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_a11y import WCAG, axe_source  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

T0 = "2026-03-02T09:00:00"  # a Monday morning, the browser's local time
DAY = 86400000


def questions(built_site, lang=""):
    return json.loads((built_site / lang / "questions.json").read_text(encoding="utf-8"))


# The site's own keys ("hb.srs" here) carry the site's root in the browser
# ("/handbook/.hb.srs": hb-core.js hb.key); other names are used as they are.
SITE_KEY_JS = "k => k.startsWith('hb.') ? hb.key(k.slice(3)) : k"


def storage(page, key):
    raw = page.evaluate(f"k => localStorage.getItem(({SITE_KEY_JS})(k))", key)
    return None if raw is None else json.loads(raw)


def seed(page, **entries):
    """Write localStorage entries (hb_srs -> hb.srs); values are JSON-dumped unless already strings."""
    for name, value in entries.items():
        page.evaluate(f"([k, v]) => localStorage.setItem(({SITE_KEY_JS})(k), v)",
                      [name.replace("_", "."), value if isinstance(value, str) else json.dumps(value)])


def card(due: str, updated: str | None = None, **extra) -> dict:
    """A stored schedule record (a ts-fsrs Card with ISO dates, plus `updated`)."""
    return {"due": due, "stability": 3.2, "difficulty": 5.1, "elapsed_days": 3, "scheduled_days": 3,
            "learning_steps": 0, "reps": 2, "lapses": 0, "state": 2, "last_review": "2026-02-25T09:00:00.000Z",
            "updated": updated or "2026-02-25T09:00:00.000Z", **extra}


def days_after_t0(iso: str, page) -> float:
    return page.evaluate("([d, t]) => (Date.parse(d) - new Date(t).getTime()) / 86400000", [iso, T0])


def test_grading_schedules_reviews_and_home_counts_due_and_new(page, site_server, built_site):
    key = "ai-painting/dreambooth/"
    page.clock.install(time=T0)
    page.goto(site_server + "en/" + key)
    page.locator(".hb-practice__toggle").click()
    grades = page.locator(".hb-grade")
    expect(grades).to_be_hidden()  # nothing to grade before the answer is shown
    page.locator(".hb-practice__reveal").click()
    expect(grades).to_be_visible()
    expect(grades.locator(".md-button")).to_have_text([re.compile(rf"^{n}\s*{name}\s*\d+ d$") for n, name in
                                                      enumerate(["Again", "Hard", "Good", "Easy"], 1)])
    page.keyboard.press("3")
    expect(grades.locator(".hb-grade__status")).to_contain_text("Next review")
    good = storage(page, "hb.srs")[key]
    assert good["state"] == 2 and good["reps"] == 1 and 2 <= days_after_t0(good["due"], page) <= 4
    # re-grading in the same page view replaces the review instead of adding one
    page.keyboard.press("1")
    expect(grades.locator("[aria-pressed=true]")).to_have_attribute("data-rating", "1")
    again = storage(page, "hb.srs")[key]
    assert again["reps"] == 1 and days_after_t0(again["due"], page) == pytest.approx(1, abs=0.01)
    # mastered is an Easy review: the longest interval of the four
    page.locator(".hb-practice__mastered").click()
    expect(grades.locator("[aria-pressed=true]")).to_have_attribute("data-rating", "4")
    easy = storage(page, "hb.srs")[key]
    assert easy["reps"] == 1 and days_after_t0(easy["due"], page) >= 5
    assert storage(page, "hb.mastered") == [key]
    # an Again review takes the mastered mark away
    page.keyboard.press("1")
    expect(page.locator(".hb-practice__mastered")).to_have_attribute("aria-pressed", "false")
    assert storage(page, "hb.mastered") == []
    page.keyboard.press("4")  # leave it scheduled ~a week ahead

    total = len(questions(built_site, "en"))
    page.goto(site_server + "en/")
    due = page.locator(".hb-practice__due")
    expect(due).to_have_text(f"Due today: 0. New: {total - 1}.")
    page.clock.set_system_time("2026-03-20T08:00:00")
    page.reload()
    expect(due).to_have_text(f"Due today: 1. New: {total - 1}.")
    # Chinese home: the same counts, and the tag filter shows tag names in Chinese
    page.goto(site_server)
    expect(page.locator(".hb-practice__due")).to_have_text(f"今日待复习 1 题，新题 {total - 1} 题")
    page.click(".hb-practice__filters summary")  # the filters are folded
    tags = page.locator(".hb-practice__random select[name=tag] option")
    expect(tags.filter(has_text="扩散模型")).to_have_attribute("value", "diffusion")
    # random question by level
    advanced = {q["url"] for q in questions(built_site) if q["level"] == "advanced"}
    page.select_option(".hb-practice__random select[name=level]", "advanced")
    page.click(".hb-practice__random button")
    page.wait_for_url(re.compile(r"/handbook/[^/]+/[^/]+/$"))
    assert urlsplit(page.url).path.split("/handbook/")[1] in advanced


def test_review_session_walks_due_questions_with_filters_and_ends_with_a_summary(page, site_server, built_site):
    all_q = questions(built_site, "en")
    python = [q["url"] for q in all_q if q["section"] == "python"]
    other = next(q["url"] for q in all_q if q["section"] != "python")
    page.clock.install(time=T0)
    page.goto(site_server + "en/study/")
    seed(page, hb_srs={python[0]: card("2026-03-01T09:00:00.000Z"), python[1]: card("2026-03-02T20:00:00.000Z"),
                       other: card("2026-02-28T09:00:00.000Z")})
    page.reload()
    part = page.locator("[data-part=review]")
    expect(part.locator(".hb-study__counts")).to_have_text(f"Due today: 3. New: {len(all_q) - 3}. Scheduled: 3.")
    form = part.locator("form")
    form.locator("select[name=section]").select_option("python")
    form.locator("input[name=new]").fill("0")
    # a level filter that leaves nothing due says so
    levels = {q["level"] for q in all_q if q["url"] in python}
    empty = next(lv for lv in ("must-know", "common", "advanced") if lv not in levels)
    form.locator("select[name=level]").select_option(empty)
    form.locator("> button").click()
    expect(form.locator(".hb-study__message")).to_have_text("Nothing in this selection is due today.")
    form.locator("select[name=level]").select_option("")
    form.locator("> button").click()
    stage = part.locator(".hb-study__stage")
    for step in (1, 2):
        heading = stage.locator("h3")
        expect(heading).to_be_focused()
        expect(heading).to_contain_text(f"Question {step} of 2")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # show the answer, fetched from the question page
        expect(stage.locator(".hb-key-points li").first).to_be_visible()
        expect(stage.locator(".hb-grade__interval").first).not_to_be_empty()
        page.keyboard.press("3" if step == 1 else "2")
    expect(stage.locator("h3")).to_have_text("Summary")
    expect(stage).to_contain_text("Reviewed 2: again 0, hard 1, good 1, easy 0.")
    expect(stage).to_contain_text("Still due today: 0.")
    expect(stage.locator("tbody tr")).to_have_count(2)
    schedule = storage(page, "hb.srs")
    # the most overdue came first, both moved into the future, the other section untouched
    assert [row.split("\t")[0] for row in stage.locator("tbody tr").all_inner_texts()] == \
           [q["title"] for u in python for q in all_q if q["url"] == u]
    assert all(days_after_t0(schedule[u]["due"], page) >= 1 for u in python)
    assert schedule[other] == card("2026-02-28T09:00:00.000Z")


def test_mock_interview_by_keyboard_on_a_360px_phone(page, site_server, built_site):
    page.set_viewport_size({"width": 360, "height": 740})
    page.clock.install(time=T0)
    page.goto(site_server + "study/")
    part = page.locator("[data-part=mock]")
    part.locator("input[name=sections][value=python]").focus()
    page.keyboard.press("Space")
    part.locator("input[name=count]").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Tab")  # minutes per question
    page.keyboard.press("Control+A")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    stage = part.locator(".hb-study__stage")
    expect(stage.locator("h3")).to_be_focused()
    expect(stage.locator("[role=timer]")).to_have_text("1:00")
    page.clock.run_for(30000)
    expect(stage.locator("[role=timer]")).to_have_text("0:30")
    # question 1: answered early, one key point ticked
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    boxes = stage.locator("input[name=covered]")
    expect(boxes.first).to_be_visible()
    total_1 = boxes.count()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "covered":
            break
    page.keyboard.press("Space")
    expect(boxes.first).to_be_checked()
    for _ in range(total_1):
        page.keyboard.press("Tab")
    expect(stage.get_by_role("button", name="下一题")).to_be_focused()
    page.keyboard.press("Enter")
    # question 2: the countdown runs out and the answer appears by itself
    expect(stage.locator("h3")).to_contain_text("第 2 / 2 题")
    page.clock.run_for(61000)
    expect(stage.get_by_role("status")).to_have_text("时间到。")
    expect(boxes.first).to_be_visible()
    total_2 = boxes.count()
    stage.get_by_role("button", name="查看结果").focus()
    page.keyboard.press("Enter")
    expect(stage.locator("h3")).to_have_text("本次小结")
    expect(stage.locator("tbody tr")).to_have_count(2)
    expect(stage.locator("tbody tr").first).to_contain_text(f"1 / {total_1}")
    expect(stage.locator("tbody tr").last).to_contain_text(f"0 / {total_2}")
    pct = round(100 / (total_1 + total_2))
    expect(stage.locator(".hb-study__score")).to_have_text(f"总分：1 / {total_1 + total_2} 个要点（{pct}%）")
    expect(stage.get_by_role("status")).to_have_text(re.compile("已安排更早复习"))
    mocks = storage(page, "hb.mock")
    assert len(mocks) == 1 and [q["covered"] for q in mocks[0]["questions"]] == [1, 0]
    # missed points fed the schedule: both questions are due again within days
    schedule = storage(page, "hb.srs")
    assert {q["url"] for q in mocks[0]["questions"]} == set(schedule)
    assert all(days_after_t0(r["due"], page) <= 3 for r in schedule.values())
    expect(page.locator("[data-part=progress] .hb-study__mocks li")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_export_import_merge_bad_files_and_clear(page, site_server, tmp_path):
    page.goto(site_server + "en/study/")
    mine = {"python/assert/": card("2026-03-05T09:00:00.000Z", "2026-03-01T09:00:00.000Z"),
            "python/lossless-images/": card("2026-03-06T09:00:00.000Z", "2026-03-01T09:00:00.000Z")}
    mock = {"id": "m1", "at": "2026-03-01T10:00:00.000Z", "lang": "en", "minutes": 3,
            "questions": [{"url": "python/assert/", "covered": 2, "total": 5}]}
    seed(page, hb_srs=mine, hb_mastered=["python/assert/"], hb_mock=[mock])
    page.reload()
    part = page.locator("[data-part=progress]")
    expect(part.locator(".hb-study__summary")).to_have_text("Mastered: 1. Scheduled: 2. Mock interviews: 1.")
    with page.expect_download() as download:
        part.get_by_role("button", name="Export progress").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["format"] == "ai-interview-handbook-progress" and exported["version"] == 1
    assert exported["schedule"] == mine and exported["mastered"] == ["python/assert/"] and exported["mock"] == [mock]
    assert re.fullmatch(r"handbook-progress-\d{4}-\d\d-\d\d\.json", download.value.suggested_filename)
    message = part.locator(".hb-study__message")
    expect(message).to_have_role("status")
    expect(message).to_have_text(f"Progress exported: {download.value.suggested_filename}")

    before = page.evaluate("JSON.stringify(localStorage)")
    bad = {"foreign.json": (json.dumps({"hello": "world"}), "not a progress file"),
           "newer.json": (json.dumps({**exported, "version": 2}), "newer version"),
           "corrupt.json": (json.dumps(exported)[:200], "damaged"),
           "wrong.json": (json.dumps({**exported, "schedule": {"python/assert/": {"due": "soon"}}}), "damaged"),
           "image.png": ("\x89PNG not json", "not a progress file")}
    for name, (text, expected) in bad.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        part.locator("input[type=file]").set_input_files(tmp_path / name)
        expect(message).to_contain_text(expected)
        expect(message).to_contain_text("nothing was changed")
        assert page.evaluate("JSON.stringify(localStorage)") == before, name

    # clearing asks first, in the page: cancelling keeps everything
    clear = part.get_by_role("button", name="Clear progress", exact=True)
    confirm = part.get_by_role("group", name=re.compile("Clear all progress in this browser"))
    expect(confirm).to_be_hidden()
    clear.click()
    expect(clear).to_have_attribute("aria-expanded", "true")
    expect(confirm).to_be_visible()
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()
    assert page.evaluate("JSON.stringify(localStorage)") == before  # asking changed nothing
    confirm.get_by_role("button", name="Cancel").click()
    expect(message).to_have_text("Cancelled; nothing was changed.")
    expect(confirm).to_be_hidden()
    assert page.evaluate("JSON.stringify(localStorage)") == before
    clear.click()
    confirm.get_by_role("button", name="Clear all progress").click()
    expect(message).to_have_text("Progress cleared.")
    expect(confirm).to_be_hidden()
    assert [storage(page, k) for k in ("hb.srs", "hb.mastered", "hb.mock")] == [None, None, None]

    # another device: one question reviewed later there, one earlier; the newer record wins each
    newer = card("2026-04-01T09:00:00.000Z", "2026-03-10T09:00:00.000Z", reps=5)
    seed(page, hb_srs={"python/assert/": newer, "python/lossless-images/": card("2026-03-09T09:00:00.000Z",
                                                                               "2026-03-20T09:00:00.000Z")})
    page.reload()
    (tmp_path / "export.json").write_text(json.dumps(exported), encoding="utf-8")
    part.locator("input[type=file]").set_input_files(tmp_path / "export.json")
    expect(message).to_have_text("Imported: 0 questions updated, 1 mock interviews added.")
    schedule = storage(page, "hb.srs")
    assert schedule["python/assert/"] == newer  # ours is newer: kept, and not mastered
    assert schedule["python/lossless-images/"]["due"] == "2026-03-09T09:00:00.000Z"
    assert not storage(page, "hb.mastered") and storage(page, "hb.mock") == [mock]
    seed(page, hb_srs={})
    part.locator("input[type=file]").set_input_files(tmp_path / "export.json")
    expect(message).to_have_text("Imported: 2 questions updated, 0 mock interviews added.")
    assert storage(page, "hb.srs") == mine and storage(page, "hb.mastered") == ["python/assert/"]


def test_corrupt_or_foreign_storage_never_breaks_a_page(page, site_server):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(site_server + "en/")
    valid = card("2026-03-01T09:00:00.000Z")
    seed(page, hb_srs={"python/assert/": valid, "python/lossless-images/": {"due": "never"}, "../x/": valid},
         hb_mastered="{not json", hb_mock='[{"id": 1}, 5]', hb_practice='"yes"', other_app="keep me")
    for path in ("en/", "en/python/assert/", "en/study/"):
        page.goto(site_server + path)
        expect(page.locator(".hb-practice, .hb-study--ready").first).to_be_visible()
    # each bad entry was reset on its own; the valid record and foreign keys were kept
    assert storage(page, "hb.srs") == {"python/assert/": valid}
    assert storage(page, "hb.mastered") is None and storage(page, "hb.mock") == []
    assert storage(page, "hb.practice") is None
    assert page.evaluate("localStorage.getItem('other.app')") == "keep me"
    expect(page.locator("[data-part=progress] .hb-study__summary")).to_have_text(
        "Mastered: 0. Scheduled: 1. Mock interviews: 0.")
    # and the page still works: practice mode on a question page
    page.goto(site_server + "en/python/assert/")
    page.locator(".hb-practice__toggle").click()
    page.locator(".hb-practice__reveal").click()
    page.keyboard.press("3")
    expect(page.locator(".hb-grade__status")).to_contain_text("Next review")
    assert not errors, errors


def test_study_controls_pass_axe(page, site_server, axe_source):  # noqa: F811
    def violations(context="document"):
        page.add_script_tag(content=axe_source)
        result = page.evaluate(f"tags => axe.run({context}, {{runOnly: {{type: 'tag', values: tags}}}})", WCAG)
        return [f"{v['id']}: {v['help']} at {v['nodes'][0]['target']}" for v in result["violations"]]

    page.clock.install(time=T0)
    page.goto(site_server + "study/")
    page.locator("[data-part=review] input[name=new]").fill("1")
    page.locator("[data-part=review] form > button").click()
    page.locator("[data-part=review] .hb-study__stage .md-button--primary").click()
    expect(page.locator("[data-part=review] .hb-grade__interval").first).not_to_be_empty()
    page.locator("[data-part=mock] form > button").click()
    page.locator("[data-part=mock] .hb-study__stage .md-button--primary").first.click()
    expect(page.locator("[data-part=mock] input[name=covered]").first).to_be_visible()
    assert not violations()
    page.goto(site_server + "en/python/assert/")
    page.locator(".hb-practice__toggle").click()
    page.locator(".hb-practice__reveal").click()
    expect(page.locator(".hb-grade__interval").first).not_to_be_empty()
    page.keyboard.press("3")
    expect(page.locator(".hb-grade__status")).not_to_be_empty()
    # the rest of a question page is covered by tests/browser/test_a11y.py
    assert not violations("{include: [['.hb-practice'], ['.hb-practice__reveal'], ['.hb-grade']]}")


# ---- How the study page and the grade bar look -------------------------------

from tests.browser.test_a11y import SCHEMES, contrast_problems, use_palette  # noqa: E402
from tests.conftest import PRACTICE_READY_JS  # noqa: E402

# The colour a filled (primary) button has, read from the page's own palette.
PRIMARY_FILL_JS = """() => { const probe = document.createElement('div');
  probe.style.backgroundColor = 'var(--md-primary-fg-color)'; document.body.append(probe);
  const fill = getComputedStyle(probe).backgroundColor; probe.remove(); return fill; }"""
FILLS_JS = "els => els.map(b => getComputedStyle(b).backgroundColor)"


def start_review(page, site_server, lang=""):
    """The study page with a one-question review session started (a new question)."""
    page.goto(site_server + lang + "study/")
    form = page.locator("[data-part=review] form")
    form.locator("input[name=new]").fill("1")
    form.locator("> button").click()
    return page.locator("[data-part=review] .hb-study__stage")


def start_mock(page, site_server, lang="", count="2"):
    """A mock interview of `count` questions, the first answer shown with its key points."""
    part = page.locator("[data-part=mock]")
    if not page.url.endswith(lang + "study/"):
        page.goto(site_server + lang + "study/")
    part.locator("input[name=count]").fill(count)
    part.locator("form > button").click()
    part.locator(".hb-study__stage .md-button--primary").first.click()
    expect(part.locator("input[name=covered]").first).to_be_visible()
    return part.locator(".hb-study__stage")


def gaps_too_small(page, buttons, least=8):
    """Pairs of visible buttons closer than `least` px (edge to edge, either axis)."""
    boxes = [(b.inner_text().strip(), b.bounding_box()) for b in buttons.all() if b.is_visible()]
    assert len(boxes) >= 2
    close = []
    for i, (name_a, a) in enumerate(boxes):
        for name_b, b in boxes[i + 1:]:
            dx = max(0, b["x"] - (a["x"] + a["width"]), a["x"] - (b["x"] + b["width"]))
            dy = max(0, b["y"] - (a["y"] + a["height"]), a["y"] - (b["y"] + b["height"]))
            if max(dx, dy) < least:
                close.append(f"{name_a!r} and {name_b!r}: {max(dx, dy):.1f} px")
    return close


@pytest.mark.parametrize("palette", SCHEMES)
def test_study_states_pass_color_contrast_in_both_palettes(page, site_server, axe_source, palette):  # noqa: F811
    use_palette(page, palette)
    page.clock.install(time=T0)
    stage = start_review(page, site_server)
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[palette]
    stage.locator(".md-button--primary").click()
    expect(stage.locator(".hb-grade__interval").first).not_to_be_empty()
    start_mock(page, site_server)
    page.mouse.move(0, 0)
    problems = contrast_problems(page, axe_source)
    assert not problems, "\n".join(problems)
    # the mock interview's results, the progress controls and the clear confirmation
    mock = page.locator("[data-part=mock] .hb-study__stage")
    mock.get_by_role("button", name="下一题").click()
    mock.locator(".md-button--primary").first.click()
    mock.get_by_role("button", name="查看结果").click()
    expect(mock.locator("tbody tr")).to_have_count(2)
    page.locator("[data-action=clear]").click()
    page.mouse.move(0, 0)
    problems = contrast_problems(page, axe_source)
    assert not problems, "\n".join(problems)


def test_key_point_boxes_sit_beside_their_text_and_the_row_toggles(page, site_server):
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        stage = start_mock(page, site_server, "en/", count="1")
        rows = stage.locator(".hb-study__points label")
        assert rows.count() >= 2
        for row in rows.all():
            box = row.locator("input[type=checkbox]").bounding_box()
            text = row.locator("span").first
            first_line = text.evaluate("t => { const r = document.createRange(); r.selectNodeContents(t);"
                                       " const line = r.getClientRects()[0]; return {top: line.top, bottom: line.bottom}; }")
            tb = text.bounding_box()
            assert box["x"] + box["width"] <= tb["x"], (width, "the box is not left of its text")
            middle = box["y"] + box["height"] / 2
            assert first_line["top"] - 2 <= middle <= first_line["bottom"] + 2, (width, box, first_line)
        # tapping the point's text ticks its box, tapping again unticks it
        first = rows.first
        first.locator("span").first.click()
        expect(first.locator("input")).to_be_checked()
        first.locator("span").first.click()
        expect(first.locator("input")).not_to_be_checked()


def test_no_grade_looks_chosen_before_grading(page, site_server):
    page.goto(site_server + "en/python/assert/")
    page.locator(".hb-practice__toggle").click()
    page.locator(".hb-practice__reveal").click()
    buttons = page.locator(".hb-grade .hb-grade__button")
    expect(buttons.locator(".hb-grade__interval").first).not_to_be_empty()
    page.add_style_tag(content="* { transition: none !important; }")  # final colours, not mid-fade
    primary = page.evaluate(PRIMARY_FILL_JS)
    assert primary not in ("rgba(0, 0, 0, 0)", "")
    assert primary not in buttons.evaluate_all(FILLS_JS)
    buttons.nth(2).hover()  # a pointer resting on "Good" (where the last grade's button was)
    assert primary not in buttons.evaluate_all(FILLS_JS)
    buttons.nth(2).focus()
    assert primary not in buttons.evaluate_all(FILLS_JS)
    assert not page.locator(".hb-grade [aria-pressed=true]").count()
    page.keyboard.press("3")
    expect(buttons.nth(2)).to_have_attribute("aria-pressed", "true")
    page.mouse.move(0, 0)
    fills = buttons.evaluate_all(FILLS_JS)
    assert fills[2] == primary and fills.count(primary) == 1  # the grade given, and only it


def test_grade_key_hints_only_for_a_fine_pointer(page, browser, site_server):
    page.goto(site_server + "en/python/assert/")
    page.locator(".hb-practice__toggle").click()
    page.locator(".hb-practice__reveal").click()
    expect(page.locator(".hb-grade kbd")).to_have_count(4)
    for kbd in page.locator(".hb-grade kbd").all():
        expect(kbd).to_be_visible()
    phone = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    try:
        touch = phone.new_page()
        touch.goto(site_server + "en/python/assert/")
        touch.wait_for_function(PRACTICE_READY_JS, timeout=15000)
        assert touch.evaluate("matchMedia('(pointer: coarse)').matches")
        touch.locator(".hb-practice__toggle").tap()
        touch.locator(".hb-practice__reveal").tap()
        expect(touch.locator(".hb-grade__button").first).to_be_visible()
        expect(touch.locator(".hb-grade kbd")).to_have_count(4)
        for kbd in touch.locator(".hb-grade kbd").all():
            expect(kbd).to_be_hidden()
        assert touch.locator(".hb-grade__button").first.get_attribute("aria-keyshortcuts") == "1"
    finally:
        phone.close()


def test_buttons_keep_8px_apart(page, site_server):
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        stage = start_review(page, site_server)
        assert not gaps_too_small(page, stage.locator(".md-button"))  # 显示答案 and 结束
        stage.locator(".md-button--primary").click()
        expect(stage.locator(".hb-grade__interval").first).not_to_be_empty()
        assert not gaps_too_small(page, stage.locator(".md-button"))  # four grades and 结束
        start_mock(page, site_server)
        page.locator("[data-part=progress] [data-action=clear]").click()
        # every button of the page at once: forms, both stages, progress and its confirmation
        assert not gaps_too_small(page, page.locator(".hb-study .md-button"))


def test_empty_state_tables_and_dates_read_like_the_site(page, site_server):
    page.clock.install(time=T0)
    page.goto(site_server + "en/study/")
    empty = page.get_by_text("No mock interviews yet.")
    expect(empty).to_be_visible()
    assert empty.evaluate("e => e.tagName === 'P' && !e.closest('ol, ul, li')")
    stage = start_review(page, site_server, "en/")
    stage.locator(".md-button--primary").click()
    stage.locator(".hb-grade__button[data-rating='3']").click()
    table = stage.locator("table")
    expect(table.locator("tbody tr")).to_have_count(1)
    for th in table.locator("th").all():
        assert th.evaluate("h => getComputedStyle(h).textAlign") in ("left", "start")
    cells = table.locator("tbody td")
    assert cells.first.evaluate("c => parseFloat(getComputedStyle(c).paddingLeft)") >= 8
    assert table.evaluate("t => getComputedStyle(t.querySelector('td')).borderTopStyle") != "none"
    # Good on a new card: a few days after 2 March 2026, written the British way
    assert re.fullmatch(r"[2-9] March 2026", cells.nth(2).inner_text()), cells.nth(2).inner_text()
    # the Chinese page: 2026年3月2日 in the list of mock interviews
    page.goto(site_server + "study/")
    mock = start_mock(page, site_server, count="1")
    mock.get_by_role("button", name="查看结果").click()
    expect(page.locator(".hb-study__mocks li")).to_have_text(re.compile(r"^2026年3月2日："))
    expect(page.get_by_text("还没有模拟面试记录。")).to_be_hidden()


def test_focus_rings_for_the_keyboard_only(page, site_server):
    def outline(locator):
        return locator.evaluate("e => getComputedStyle(e).outlineStyle")

    stage = start_review(page, site_server)
    title = stage.locator("h3")
    expect(title).to_be_focused()
    assert outline(title) == "none"  # focused by the script after a click: no box
    stage.locator(".md-button--primary").click()  # 显示答案, by mouse
    answer = stage.locator(".hb-study__answer")
    expect(answer).to_be_focused()
    assert outline(answer) == "none"
    # the same by keyboard: the ring shows where focus went
    form = page.locator("[data-part=review] form")
    form.locator("> button").focus()
    page.keyboard.press("Enter")
    expect(title).to_be_focused()
    assert outline(title) != "none"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(answer).to_be_focused()
    assert outline(answer) != "none"
