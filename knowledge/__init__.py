"""The notice, its facts and the question-answering engine. Imports nothing from Telegram."""
