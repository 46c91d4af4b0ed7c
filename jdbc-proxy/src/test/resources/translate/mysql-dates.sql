@source mysql
