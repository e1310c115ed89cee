"""Programs to print: Metzl's knee plan for runners and a plan whose doses rise every week."""

from __future__ import annotations

import functools
import random
from dataclasses import replace
from datetime import date

from planner.exercise import Exercise
from planner.files.catalog_file import load_catalog_dir
from planner.files.photo_import import photo_from_bytes
from planner.photo import Photo
from planner.program import ClientDetails, Program, Progression, ProgressionKind
from resources import resource_path

MONDAY, THURSDAY = 0, 3


METZL_IDS = (
    "jump-squat",
    "walking-lunge",
    "low-side-to-side-lunge",
    "mountain-climber",
    "band-lateral-walk",
    "reverse-hip-raise",
)


def metzl_exercises() -> list[Exercise]:
    """The six exercises of Dr. Jordan Metzl's knee plan, as the shipped catalog has them."""
    catalog = {ex.id: ex for ex in load_catalog_dir(resource_path("catalog"))}
    return [catalog[exercise_id] for exercise_id in METZL_IDS]


def metzl_program() -> Program:
    program = Program()
    program.set_details(
        ClientDetails(
            client_name="Zoë Łukasiewicz",
            title="Knee-friendly hips",
            coach_name="Sam Rivera",
            start_date=date(2025, 3, 3),
            notes="Easy runs only on the days after these sessions.\nIce is not needed.",
        )
    )
    for day in (MONDAY, THURSDAY):
        for exercise in metzl_exercises():
            program.add_entry(0, day, exercise)
    for _ in range(3):
        program.insert_week(len(program.weeks), program.duplicated_week(0)[0])
    return program


def progressing_program(weeks: int = 4) -> Program:
    """Three weekly sessions whose amounts rise by two every week."""
    program = Program()
    program.set_details(
        ClientDetails(client_name="Юлия Ελένη", title="Return to running", coach_name="Sam")
    )
    exercises = metzl_exercises()
    for day, chosen in ((MONDAY, exercises[:3]), (2, exercises[3:]), (4, exercises[::2])):
        for exercise in chosen:
            program.add_entry(0, day, exercise, replace(exercise.dose, load=""))
    for week in range(1, weeks):
        grown, _ = program.duplicated_week(week - 1, Progression(ProgressionKind.AMOUNT, 2))
        program.insert_week(week, grown)
    return program


@functools.lru_cache(maxsize=16)
def sample_photo(seed: int, size: tuple[int, int] = (1200, 900)) -> Photo:
    """A photo-like picture (soft shapes under fine detail, as a phone photo of a person in a
    room), stored as a coach's photo would be: about 100–150 kB, like an ordinary photo."""
    import io
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(150, 230),) * 3)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y, r = rng.randrange(size[0]), rng.randrange(size[1]), rng.randrange(60, 300)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_colour(rng, 40, 220))
    image = image.filter(ImageFilter.GaussianBlur(6))
    draw = ImageDraw.Draw(image)
    for _ in range(2500):
        x, y, r = rng.randrange(size[0]), rng.randrange(size[1]), rng.randrange(2, 8)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_colour(rng, 0, 255))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return photo_from_bytes(out.getvalue(), f"sample photo {seed}")


def _colour(rng: random.Random, low: int, high: int) -> tuple[int, int, int]:
    return (rng.randrange(low, high), rng.randrange(low, high), rng.randrange(low, high))


def with_media(
    program: Program, photos_per_exercise: int = 2, client_photo: bool = True
) -> Program:
    """``program`` with a video address and photos on every exercise, and a photo of the
    client on the first entry."""
    for number, exercise in enumerate(sorted(program.exercises.values(), key=lambda e: e.id)):
        photos = tuple(sample_photo((2 * number + i) % 8) for i in range(photos_per_exercise))
        video = f"https://videos.example.org/hip/{exercise.id}?t=0&coach=sam"
        program.exercises[exercise.id] = replace(exercise, video=video, photos=photos)
    first = next((entry for _, entry in program.weeks[0].entries()), None)
    if client_photo and first is not None:
        program.set_entry_photos(first.id, (sample_photo(999),))
    return program
