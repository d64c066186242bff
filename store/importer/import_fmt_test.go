package importer

import (
	"fmt"
	"strconv"
)

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
func fmtDefault(v any) string   { return fmt.Sprint(v) }
