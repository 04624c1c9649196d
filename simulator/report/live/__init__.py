"""The live exercise server (``rampsim exercise``): exercise control's page and one page per party.

``hub`` owns the played exercise and its clock, ``views`` says what each role sees, ``app`` serves
them over HTTP and WebSocket; ``static/`` holds the pages' own script and style sheet.
"""
