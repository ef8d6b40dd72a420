"""diemtuvan: a chatbot for Vietnam's community drug-treatment counseling points."""
