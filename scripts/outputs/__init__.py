"""Files made from the catalog and the built site: the merged site and sitemap,
the search index, practice data, Anki decks, offline reading, the PDF books.
Imports scripts/content/ and scripts/build/.
"""
