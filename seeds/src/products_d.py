from products_a import add

# Thái Nguyên (Bắc Kạn cũ included)
add("htx-che-tan-cuong-hoang-binh", "Chè Tân Cương đặc biệt", "beverage", "Chè / Trà", "hộp", "200 g", 260, 280000, 120, 5, [("vietgap", "VietGAP-TT-19-0101"), ("geographical_indication", "CDĐL Chè Thái Nguyên")],
    "Chè nõn tôm Tân Cương hái một tôm một lá, sao hai lửa. Cánh nhỏ xoăn đều, nước xanh vàng, hương cốm non, vị chát dịu ngọt hậu.", "05503")
add("htx-che-tan-cuong-hoang-binh", "Chè đinh Tân Cương", "beverage", "Chè / Trà", "hộp", "100 g", 150, 950000, 10, 5, [],
    "Chè đinh chỉ lấy phần tôm non nhất, một kg chè đinh cần khoảng 5 kg búp tươi. Dòng chè cao cấp nhất của Thái Nguyên.", "05503")
add("htx-che-tan-cuong-hoang-binh", "Chè móc câu Thái Nguyên", "beverage", "Chè / Trà", "gói", "500 g", 520, 250000, 200, 4, [("vietgap", "VietGAP-TT-19-0101")],
    "Chè móc câu cánh cong như lưỡi câu, uống hằng ngày, nước xanh trong.", "05503")
add("htx-che-tan-cuong-hoang-binh", "Trà xanh túi lọc Tân Cương", "beverage", "Chè / Trà", "hộp", "25 túi x 2 g", 90, 60000, 180, 3, [],
    "Trà xanh Tân Cương nghiền vừa, đóng túi lọc tiện pha ở văn phòng.", "05503")
add("htx-che-la-bang", "Chè La Bằng sao tay", "beverage", "Chè / Trà", "hộp", "200 g", 260, 240000, 75, 4, [],
    "Chè vùng La Bằng dưới chân Tam Đảo, sao tay trên chảo, hương thơm đậm, nước xanh sánh.", "05818")
add("htx-che-la-bang", "Hồng trà La Bằng", "beverage", "Chè / Trà", "gói", "200 g", 230, 200000, 40, 3, [],
    "Hồng trà lên men từ giống chè trung du La Bằng, vị ngọt dịu, hương mật.", "05818")
add("htx-che-la-bang", "Tour hái chè và sao chè La Bằng", "tourism", "Tour trải nghiệm", "người", "Nửa ngày", None, 300000, 25, 3, [],
    "Đi thăm đồi chè, tự tay hái và sao mẻ chè của mình, thưởng trà cùng nghệ nhân, mang chè về làm quà.", "05818")
add("htx-mien-dong-con-minh", "Miến dong Côn Minh", "food", "Miến / Phở / Bún", "gói", "500 g", 520, 75000, 300, 4, [],
    "Miến dong làm từ tinh bột củ dong riềng Na Rì, phơi nắng tự nhiên, sợi dai, trong, nấu không nát. Không phẩm màu, không chất tẩy trắng.", "02185")
add("htx-mien-dong-con-minh", "Miến dong Na Rì loại 1 kg", "food", "Miến / Phở / Bún", "túi", "1 kg", 1030, 140000, 150, 4, [],
    "Miến dong Côn Minh đóng túi lớn cho gia đình và nhà hàng.", "02185")
add("htx-mien-dong-con-minh", "Miến dong sợi nhỏ Bắc Kạn", "food", "Miến / Phở / Bún", "gói", "300 g", 320, 50000, 0, 3, [],
    "Sợi miến nhỏ, hợp nấu miến gà, miến lươn. Tạm hết hàng.", "02185")
add("htx-mien-dong-con-minh", "Bột dong riềng", "food", "Bột / Tinh bột", "gói", "500 g", 520, 60000, 90, 0, [],
    "Tinh bột dong riềng lọc kỹ, nấu chè, làm bánh, khuấy uống giải nhiệt.", "02185")
add("htx-nong-lam-san-ba-be", "Hồng không hạt Ba Bể", "food", "Trái cây", "kg", "1 kg", 1100, 70000, 0, 3, [],
    "Hồng không hạt giòn ngọt, chín vào tháng 9–10, đặc sản của Bắc Kạn cũ. Hàng theo mùa.", "01906")
add("htx-nong-lam-san-ba-be", "Hồng sấy dẻo Ba Bể", "food", "Bánh kẹo / Mứt", "hộp", "300 g", 340, 120000, 60, 4, [],
    "Hồng không hạt sấy dẻo tự nhiên, ngọt đậm, không thêm đường.", "01906")
add("htx-nong-lam-san-ba-be", "Mật ong rừng Ba Bể", "food", "Mật ong", "chai", "500 ml", 750, 420000, 35, 4, [],
    "Mật ong khoái rừng khai thác tự nhiên trong Vườn quốc gia Ba Bể, vị đậm, sánh, thơm hoa rừng.", "01906")
add("htx-nong-lam-san-ba-be", "Măng vầu khô Ba Bể", "food", "Măng / Rau rừng", "kg", "1 kg", 1020, 260000, 40, 0, [],
    "Măng vầu luộc phơi khô, ngâm nở nấu canh, xào, hầm chân giò.", "01906")
add("htx-nong-lam-san-ba-be", "Cá nướng hồ Ba Bể", "food", "Thủy sản", "xiên", "300 g", 320, 150000, 20, 0, [],
    "Cá suối và cá hồ Ba Bể kẹp tre nướng than củi, hút chân không. Hâm nóng trước khi ăn.", "01906")
add("htx-nong-lam-san-ba-be", "Homestay nhà sàn Pác Ngòi", "tourism", "Lưu trú", "người/đêm", "1 đêm, bữa sáng", None, 300000, 40, 4, [],
    "Ngủ nhà sàn của người Tày bên hồ Ba Bể, ăn cá nướng, đi thuyền độc mộc qua động Puông.", "01906")
add("htx-nong-lam-san-ba-be", "Nấm hương rừng Ba Bể", "food", "Nấm", "gói", "200 g", 210, 150000, 55, 3, [],
    "Nấm hương mọc trên thân gỗ mục trong rừng, mũ dày, thơm đậm. Ngâm nước ấm 20 phút trước khi nấu.", "01906")

# More Lai Châu & Lào Cai to round out the catalogue
add("htx-nong-san-sin-ho", "Tam thất bắc Sìn Hồ", "herbal", "Sâm / Dược liệu", "lạng", "100 g", 120, 250000, 30, 3, [],
    "Củ tam thất 3 năm tuổi trồng ở Sìn Hồ, thái lát hoặc xay bột. Dùng hầm gà, tán bột uống.", "03478")
add("htx-che-tam-duong", "Trà hoa vàng Tam Đường", "herbal", "Trà thảo mộc", "hộp", "50 g", 80, 550000, 10, 0, [],
    "Hoa trà vàng (kim hoa trà) sấy lạnh, nước vàng óng, vị ngọt nhẹ.", None)
add("cong-ty-nong-san-y-ty", "Mật ong bạc hà Y Tý", "food", "Mật ong", "chai", "500 ml", 750, 360000, 45, 4, [],
    "Mật ong ong nội lấy hoa bạc hà trên núi Y Tý, vị ngọt mát, hơi the.", "02701")
add("htx-ruou-ngo-ban-pho", "Rượu San Lùng", "beverage", "Rượu", "chai", "500 ml", 900, 180000, 40, 3, [],
    "Rượu gạo nếp men lá của người Dao đỏ San Lùng, chưng cất nhiều lần, êm và thơm.", "02839")
add("htx-nong-nghiep-thanh-an", "Bánh chưng đen Điện Biên", "food", "Bánh", "chiếc", "1 chiếc ~ 1 kg", 1050, 95000, 30, 0, [],
    "Bánh chưng gói từ nếp nương trộn tro rơm nếp nên có màu đen, nhân đậu xanh thịt ba chỉ. Hút chân không, hấp lại 20 phút.", "03352")
add("htx-du-lich-mu-cang-chai", "Táo mèo sấy khô Mù Cang Chải", "food", "Trái cây", "gói", "500 g", 520, 80000, 70, 0, [],
    "Táo mèo (sơn tra) thái lát sấy khô, ngâm rượu hoặc hãm nước uống.", "04456")
add("htx-che-shan-tuyet-suoi-giang", "Măng tre Bát Độ khô", "food", "Măng / Rau rừng", "gói", "500 g", 520, 150000, 35, 3, [],
    "Măng tre Bát Độ trồng ở Văn Chấn, luộc và sấy khô, giòn ngọt.", "04672")
add("htx-che-tan-cuong-hoang-binh", "Bộ ấm chén gốm và chè quà Tết", "souvenir", "Quà tặng", "bộ", "Ấm, 4 chén, 200 g chè", 1500, 690000, 15, 0, [],
    "Hộp quà gồm ấm chén gốm men lam và một hộp chè Tân Cương đặc biệt.", "05503")
add("to-hop-tac-tho-cam-phong-tho", "Tranh thổ cẩm treo tường", "souvenir", "Trang trí", "bức", "60 x 40 cm", 600, 750000, 5, 0, [],
    "Tranh ghép từ các mảnh thổ cẩm Dao đỏ, khung gỗ, làm quà hoặc trang trí.", "03549")
add("htx-que-hoi-van-yen", "Hoa hồi khô", "food", "Gia vị", "gói", "200 g", 210, 70000, 90, 0, [],
    "Hoa hồi 8 cánh phơi khô, thơm nồng, dùng nấu phở, kho cá.", "04375")
add("htx-mien-dong-con-minh", "Bánh gai Chợ Mới", "food", "Bánh", "chiếc", "10 chiếc", 800, 80000, 40, 0, [],
    "Bánh gai lá gai rừng, nhân đậu xanh dừa, gói lá chuối khô.", "02086")
