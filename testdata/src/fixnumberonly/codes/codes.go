// Package codes is the constants package of the numbered family declared
// by testdata/catalog/numberonly.yaml.
package codes

const (
	Code7 = 7
	Eight = 8
	Code8 = Eight // an earlier name, as a renamed code keeps it
)
