## tea
ending: safety
Tea for {guests}. Kettle on: {kettle}.
