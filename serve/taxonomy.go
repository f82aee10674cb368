package serve

import "slices"

// statuses are the review states the queue filters on.
var statuses = []string{"pending", "accepted", "rejected", "edited"}

func contains(list []string, s string) bool { return slices.Contains(list, s) }
