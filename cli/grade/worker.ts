// placeholder: batch grading worker (issue 5)
export {};
